extension KnowledgeIndex {
    /// The grammar words event reading looks at: clause openers, counts and anchors of relative time, present
    /// markers. English function words, the same for any article (no knowledge of the world here).
    mutating func markEventWords() {
        mark(["and", "but", "while", "whereas", "although", "though", "yet", "when", "which", "who", "where"], .conjunction)
        mark(["but", "while", "whereas", "although", "though"], .contrast)
        mark(Array(NumberWords.values.keys), .numberWord)
        mark(["later", "afterwards", "afterward", "on"], .later)
        mark(["earlier", "before", "previously"], .earlier)
        mark(["ago"], .ago)
        mark(["following", "next", "subsequent"], .following)
        mark(["day", "days", "week", "weeks", "month", "months", "spring", "summer", "autumn", "fall", "winter", "morning", "evening"], .dayWord)
        mark(["again", "more"], .again)
        mark(["decade", "decades"], .decade)
        mark(["over"], .topic)
        mark(["today", "tonight", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], .presentMarker)
        mark(["week", "weekend"], .week)
        mark(["with", "to", "against", "from", "of", "over"], .preposition)
        mark(["it", "them", "him", "her"], .pronoun)
        mark(["despite", "amid", "amidst"], .background)
        mark(["which", "who", "whom", "whose", "that"], .relative)
        mark(["after", "before", "when", "because", "as", "since", "until", "once"], .subordinator)
    }
}

/// English number words for counts of years ("two years later", "a decade earlier").
enum NumberWords {
    static let values: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
}
