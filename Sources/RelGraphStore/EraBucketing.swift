import RelGraphCore

/// The era a tie occurrence is filed under when it is written, so that reading one era is an index lookup: the
/// stored era definitions when there are some, else the decade holding most of its years — the era
/// ``EdgeAccumulator`` gives it, which every read checks again. Redefining eras re-files the stored occurrences
/// (one update per distinct span of years); nothing is re-extracted.
struct EraBucketing: Sendable {
    /// `nil`: one era per decade.
    let explicit: EraSet?

    init(explicit: EraSet?) { self.explicit = explicit }

    func era(year: Int?, yearEnd: Int?) -> String {
        guard let year else { return Era.undated.id }
        let eras = explicit ?? EraSet.decades(from: year, through: Swift.max(year, yearEnd ?? year))
        return eras.era(forYear: year, through: yearEnd)?.id ?? Era.undated.id
    }
}
