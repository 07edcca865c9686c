import Testing

import RelGraphCore

/// What extraction does on short passages about other countries and eras, and on the seeds' messy input.
@Suite("extraction behaviour")
struct ExtractionBehaviourTests {
    @Test("a treaty signed in 1987 ties both leaders and both states to it, in the 1980s")
    func infTreaty() throws {
        let graph = try TestSupport.graph(
            "On December 8, 1987, U.S. President Ronald Reagan and Soviet leader Mikhail Gorbachev signed the INF Treaty in Washington.")
        #expect(!graph.edges(between: "leader:ronald-reagan", "agreement:inf-treaty", .partyTo).isEmpty)
        #expect(!graph.edges(between: "leader:mikhail-gorbachev", "agreement:inf-treaty", .partyTo).isEmpty)
        #expect(!graph.edges(between: "country:soviet-union", "agreement:inf-treaty", .partyTo).isEmpty)
        let tie = try #require(graph.edges(between: "leader:ronald-reagan", "leader:mikhail-gorbachev").first)
        #expect(tie.relation == .cooperation)
        #expect(tie.era == "1980s")
        #expect(tie.evidence.first?.year == 1987)
        #expect(!graph.edges(between: "leader:ronald-reagan", "country:united-states", .leads).isEmpty)
    }

    @Test("a 1960s split is a conflict in the 1960s; a 2012 debt write-off is cooperation in 2012")
    func datedPolarity() throws {
        let graph = try TestSupport.graph(
            """
            The Sino-Soviet split in the 1960s led to a rift between Albania and the Soviet Union.

            In 2012, Russia forgave 90% of Cuba's $32 billion debt.
            """)
        let rift = try #require(graph.edges(between: "country:albania", "country:soviet-union").first)
        #expect(rift.relation == .conflict)
        #expect(rift.era == "1960s")
        let debt = try #require(graph.edges(between: "country:cuba", "country:russia").first)
        #expect(debt.relation == .cooperation)
        #expect(debt.evidence.first?.year == 2012)
    }

    @Test("a capital stands for the state that existed in the sentence's year")
    func capitalsByDate() throws {
        let graph = try TestSupport.graph("In 1956 Moscow sent tanks to Budapest.\n\nIn 2014 Moscow annexed Crimea and Kyiv protested.")
        let mentions = try #require(graph.node("country:soviet-union")?.mentions)
        #expect(mentions.map(\.text) == ["Moscow"])
        #expect(graph.node("country:russia")?.mentions.map(\.text) == ["Moscow"])
        #expect(graph.node("country:ukraine") != nil)
    }

    @Test("media outlets and regions are not states")
    func nonEntities() throws {
        let graph = try TestSupport.graph(
            "According to the Washington Post and the Moscow Times, ships crossed the Indian Ocean near the Korean Peninsula.")
        #expect(graph.nodes.isEmpty)
    }

    @Test("ALSO READ lines, share buttons and author bios add no entity")
    func boilerplate() throws {
        let graph = try TestSupport.graph(
            """
            Egypt and Israel signed the Camp David Accords in 1978.\u{00A0}\u{00A0}ALSO READ:Pakistan courts Argentina
            ALSO READ: India and Brazil deepen trade ties
            Share this Article
            Welcome to Example News, your go-to source for Japan and Germany coverage.
            """)
        let ids = Set(graph.nodes.map(\.id.rawValue))
        #expect(ids.contains("country:egypt") && ids.contains("country:israel"))
        for absent in ["country:india", "country:brazil", "country:japan", "country:germany", "country:pakistan", "country:argentina"] {
            #expect(!ids.contains(absent), "\(absent) came from boilerplate")
        }
    }

    @Test("spelling variants resolve to one leader; a surname to the full mention before it")
    func aliases() throws {
        let graph = try TestSupport.graph(
            "Kim Jong Un met Kim Jong-un's envoys. In 2000 Putin's meetings with Kim Jong-II were cordial. Later Kim wrote to Putin.",
            date: "2019")
        let un = try #require(graph.node("leader:kim-jong-un"))
        #expect(un.mentions.map(\.text).contains("Kim Jong Un"))
        #expect(un.mentions.map(\.text).contains("Kim Jong-un"))
        let il = try #require(graph.node("leader:kim-jong-il"))
        #expect(il.mentions.map(\.text) == ["Kim Jong-II", "Kim"], "the bare surname follows the nearest full mention")
        #expect(graph.node("leader:vladimir-putin")?.mentions.count == 2)
    }

    @Test("relative expressions count from the document's date")
    func relative() throws {
        let graph = try TestSupport.graph(
            """
            Cuba and the United States restored ties in the early days of the thaw.

            On his first visit to Cuba in 88 years, the American president met Raúl Castro. Last year Mexico and Cuba traded more.
            """, date: "2016-03-22")
        let visit = try #require(graph.edges(between: "country:cuba", "leader:raul-castro").first)
        #expect(visit.evidence.first?.year == 2016 && visit.evidence.first?.dating == .relative)
        let trade = try #require(graph.edges(between: "country:cuba", "country:mexico").first)
        #expect(trade.evidence.first?.year == 2015)
    }

    @Test("a sentence with no time in an undated document stays undated")
    func undated() throws {
        let graph = try TestSupport.graph("Ethiopia and Eritrea signed a peace agreement.")
        let edge = try #require(graph.edges(between: "country:eritrea", "country:ethiopia").first)
        #expect(edge.era == Era.undated.id)
        #expect(edge.evidence.first?.year == nil)
    }

    @Test("an injected headline fragment and a repeated paragraph are removed where glued; evidence counts once")
    func seedsCleaning() throws {
        let graph = TestSupport.seedBuild.summary.graph
        // The fragment is blanked where it is glued into sentences; the headline it comes from keeps its own words
        // (and its truncated echo on line 5 is dropped).
        let headline = "Strengthening Ties: North Korea’s Kim Jong-un and Russia’s Putin Pledge Deeper Cooperation on Korean Liberation Day 2024"
        for edge in graph.edges {
            for evidence in edge.evidence where evidence.text.contains("Strengthening Ties") {
                #expect(evidence.text == headline && evidence.start == 0, "\(evidence.text)")
            }
        }
        let statistics = TestSupport.seedBuild.summary.statistics
        #expect(statistics.contains { $0.injectedPhrases.contains("Strengthening Ties") })
        // Yeltsin's sentence appears twice in 000 (once broken by the injected phrase): one piece of evidence.
        let yeltsin = try #require(graph.edges(between: "leader:boris-yeltsin", "country:russia", .leads).first)
        #expect(yeltsin.weight == 1)
        #expect(yeltsin.era == "post-soviet")
    }

    @Test("no entity comes from the seeds' ALSO READ lines")
    func seedsAlsoRead() {
        let ids = Set(TestSupport.seedBuild.summary.graph.nodes.map(\.id.rawValue))
        #expect(!ids.contains("country:india"))
        #expect(!ids.contains("country:brazil"))
    }
}
