/// The roles a word plays for the rules that look at the words around a name or a number: one bit per role,
/// looked up by vocabulary id so that no rule compares strings in the hot loop.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt64

    static let agreementHead = WordClass(rawValue: 1 << 0)
    static let bareAgreementHead = WordClass(rawValue: 1 << 1)
    static let agreementModifier = WordClass(rawValue: 1 << 2)
    static let genericModifier = WordClass(rawValue: 1 << 3)
    static let placeNoun = WordClass(rawValue: 1 << 4)
    static let placePreposition = WordClass(rawValue: 1 << 5)
    /// of, on, and, for, the, between, in — may stand inside an agreement's name
    static let function = WordClass(rawValue: 1 << 6)
    /// of, on — open the complement of an agreement's name ("Treaty of …")
    static let complement = WordClass(rawValue: 1 << 7)
    static let between = WordClass(rawValue: 1 << 8)
    static let and = WordClass(rawValue: 1 << 9)
    /// a word that cannot be part of a person's name after a title ("said", month and day names)
    static let nameStop = WordClass(rawValue: 1 << 10)
    /// the "s" of a possessive ("Uganda's")
    static let possessive = WordClass(rawValue: 1 << 11)
    /// billion, troops, km … — after them a four-digit number is no year
    static let unit = WordClass(rawValue: 1 << 12)
    static let early = WordClass(rawValue: 1 << 13)
    static let middle = WordClass(rawValue: 1 << 14)
    static let late = WordClass(rawValue: 1 << 15)
    /// present, today, now — "1991-Present"
    static let present = WordClass(rawValue: 1 << 16)
    /// after, post, following, aftermath — "post-Korean War"
    static let after = WordClass(rawValue: 1 << 17)
    /// since, before, until, legacy … — a period as a reference point, not the sentence's time
    static let reference = WordClass(rawValue: 1 << 18)
    /// end, ended, collapse — "the Cold War's end"
    static let end = WordClass(rawValue: 1 << 19)
    /// recent, recently, currently, nowadays
    static let recent = WordClass(rawValue: 1 << 20)
    static let year = WordClass(rawValue: 1 << 21)
    static let last = WordClass(rawValue: 1 << 22)
    static let this = WordClass(rawValue: 1 << 23)
    static let under = WordClass(rawValue: 1 << 24)
    /// "leader", a title only after a state ("Soviet leader …")
    static let leaderWord = WordClass(rawValue: 1 << 25)
    /// the first word of a leader title ("President", "Prime" of "Prime Minister")
    static let titleStart = WordClass(rawValue: 1 << 26)
    /// "years" in "the first visit in 24 years"
    static let years = WordClass(rawValue: 1 << 27)
    /// "in"
    static let inWord = WordClass(rawValue: 1 << 28)

    // Event reading (``EventReader``, ``EventTime``): English grammar words, the same for any article.
    /// and, but, while, whereas, although, though, yet, when, which, who, where — after a comma they open a clause
    static let conjunction = WordClass(rawValue: 1 << 29)
    /// but, while, whereas, although, though — open a clause even without a comma
    static let contrast = WordClass(rawValue: 1 << 30)
    /// a, an, one … twenty, thirty … ninety: a count of years ("two years later")
    static let numberWord = WordClass(rawValue: 1 << 31)
    /// later, afterwards — "three years later"
    static let later = WordClass(rawValue: 1 << 32)
    /// earlier, before — "two years earlier"
    static let earlier = WordClass(rawValue: 1 << 33)
    /// ago — "two decades ago", counted from the document's date
    static let ago = WordClass(rawValue: 1 << 34)
    /// following, next — "the following year"
    static let following = WordClass(rawValue: 1 << 35)
    /// day, week, month, spring … — "the next day" is the same year as the event before
    static let dayWord = WordClass(rawValue: 1 << 36)
    /// again, more ("once more") — a repeated event in a later year
    static let again = WordClass(rawValue: 1 << 37)
    /// today, tonight, weekday names — the sentence speaks of the document's present
    static let presentMarker = WordClass(rawValue: 1 << 38)
    /// week, weekend — "this week"
    static let week = WordClass(rawValue: 1 << 39)
    /// with, to, against — "at war with", not a clause of its own
    static let preposition = WordClass(rawValue: 1 << 40)
    /// minority, community, diaspora … — after them a demonym names people ("the Hungarian minority")
    static let peopleNoun = WordClass(rawValue: 1 << 41)
    /// it, them, him, her — an object the reader cannot name
    static let pronoun = WordClass(rawValue: 1 << 42)
    /// despite, amid — a background the event happens against, not an event of its own
    static let background = WordClass(rawValue: 1 << 43)
    /// which, who, whom, whose, that — open a clause even without a comma
    static let relative = WordClass(rawValue: 1 << 44)
    /// after, before, when, because, as, since, until — open a clause when a state follows them
    static let subordinator = WordClass(rawValue: 1 << 45)
    /// decade, decades — "two decades later" (the .years class also holds "decades")
    static let decade = WordClass(rawValue: 1 << 46)
    /// over — "broke off relations over aid": what follows is the topic, not an event
    static let topic = WordClass(rawValue: 1 << 47)
    /// A word of the present: "is", "are", "has", "will", "can", "now", "currently" — a sentence with one and no
    /// date of its own speaks of the time it was published.
    static let presentTense = WordClass(rawValue: 1 << 48)
    /// An irregular past-tense verb ("was", "fought", "broke"); regular ones are told by their "-ed" ending.
    static let pastTense = WordClass(rawValue: 1 << 49)
    /// A word after which an "-ed" form is a participle, not a past tense: auxiliaries ("has signed", "was
    /// signed"), determiners and possessives ("the advanced weapons", "its renewed ties").
    static let participleBefore = WordClass(rawValue: 1 << 50)
    /// A word before which an "-ed" form is a participle ("coupled with", "backed by", "known as").
    static let participleAfter = WordClass(rawValue: 1 << 51)
    /// A word that ends in "-ed" and is no past tense ("need", "indeed", "hundred").
    static let notPast = WordClass(rawValue: 1 << 52)
    /// switch, shift — "switched its recognition from Taiwan to China": the state after "from" loses what the
    /// other gains.
    static let switching = WordClass(rawValue: 1 << 53)
    /// from
    static let from = WordClass(rawValue: 1 << 54)
    /// it — "the United States recognised it": a state named before, most often the sentence's first
    static let neuterPronoun = WordClass(rawValue: 1 << 55)
}
