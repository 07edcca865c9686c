/// English inflections of a trigger lemma, so that the lexicon lists "sign" and the text may say "signed",
/// "signing" or "signs". Deliberately conservative: a form that is another word ("war" → "ward") must not appear.
enum Inflection {
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    static func forms(of lemma: String) -> [String] {
        var forms: Set<String> = [lemma, lemma + "s", lemma + "ing", lemma + "ed", lemma + "ment", lemma + "ments"]
        guard let last = lemma.last else { return [] }
        if last == "e" {
            let stem = String(lemma.dropLast())
            forms.formUnion([lemma + "d", stem + "ing", stem + "ion", stem + "ions"])
            forms.remove(lemma + "ed")
            forms.remove(lemma + "ing")
        } else {
            forms.formUnion([lemma + "ion", lemma + "ions"])
        }
        if ["s", "x", "z", "o"].contains(last) || lemma.hasSuffix("ch") || lemma.hasSuffix("sh") {
            forms.insert(lemma + "es")
        }
        if last == "y", lemma.count > 2, !vowels.contains(lemma.dropLast().last!) {
            let stem = String(lemma.dropLast())
            forms.formUnion([stem + "ies", stem + "ied"])
            forms.remove(lemma + "s")
            forms.remove(lemma + "ed")
        }
        // Consonant doubling after a final consonant-vowel-consonant: split → splitting, ship → shipped, and for
        // longer words stressed at the end, or spelt the British way: transfer → transferred, expel → expelled,
        // commit → committed, quarrel → quarrelled. Added beside the plain forms, so "offered" still matches; a
        // doubled form that is no word ("offerred") never occurs in text.
        let chars = Array(lemma)
        if chars.count >= 3, !vowels.contains(last), !"wxy".contains(last),
            vowels.contains(chars[chars.count - 2]), !vowels.contains(chars[chars.count - 3])
        {
            forms.formUnion([lemma + String(last) + "ed", lemma + String(last) + "ing"])
        }
        return forms.sorted()
    }
}
