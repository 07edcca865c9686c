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
        mark(["is", "are", "am", "has", "have", "will", "shall", "can", "may", "might", "must", "could", "would",
              "should", "now", "currently", "still", "nowadays", "says", "say", "remains", "remain", "continues",
              "continue"], .presentTense)
        mark(["was", "were", "had", "did", "said", "sent", "fought", "began", "broke", "met", "led", "made", "took",
              "gave", "held", "won", "lost", "told", "went", "came", "became", "left", "sought", "brought", "struck",
              "rose", "fell", "grew", "drew", "saw", "knew", "thought", "found", "built", "kept", "paid", "sold",
              "spent", "stood", "wrote", "ran", "withdrew", "overthrew", "threw", "forbade", "bought", "caught",
              "taught", "fled", "swore", "tore", "wore", "froze", "chose", "spoke", "stole", "woke", "shook", "undertook",
              "overtook", "forgave", "forgot", "hid", "bit", "slid", "sank", "sprang", "shrank", "rang", "sang"],
             .pastTense)
        mark(["has", "have", "had", "having", "is", "are", "am", "was", "were", "be", "been", "being", "will", "would",
              "can", "could", "may", "might", "must", "should", "shall", "get", "gets", "got", "the", "a", "an", "its",
              "their", "his", "her", "our", "your", "my", "this", "that", "these", "those", "of", "more", "most", "less",
              "least", "newly", "increasingly", "highly", "so-called", "well", "long", "once", "under", "with", "for", "in",
              "on", "at", "from", "into", "amid", "over", "about", "against", "between", "among", "without", "within",
              "through", "by", "to"], .participleBefore)
        mark(["by", "with", "as", "under", "to", "at"], .participleAfter)
        mark(["switch", "switches", "switched", "switching", "shift", "shifts", "shifted", "shifting"], .switching)
        mark(["from"], .from)
        mark(["it"], .neuterPronoun)
        mark(["need", "needs", "indeed", "speed", "proceed", "succeed", "exceed", "hundred", "hundreds", "sacred",
              "naked", "wicked", "rugged", "seed", "feed", "breed", "deed", "bed", "red", "shed"], .notPast)
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
