import Testing

import RelGraphCore
import RelGraphExtraction

/// Short mentions and shared names resolved by what the document said before and the year the sentence speaks of.
@Suite("resolution by time and context")
struct ResolutionByTimeTests {
    /// The entity each mention whose text is `text` resolved to, in document order.
    static func resolved(_ text: String, in passage: String, date: String? = nil) -> [String] {
        let document = SourceDocument(id: "passage", text: passage, date: date.flatMap(PartialDate.init))
        return TestSupport.extractor.extract(document).mentions.filter { $0.mention.text == text }.map(\.entity.rawValue)
    }

    @Test("a surname is the leader named in full most recently: two Castros in one article")
    func twoCastros() {
        let passage = """
            In 1962 Fidel Castro let the Soviet Union place missiles in Cuba. Castro later called the crisis a betrayal.
            In 2015 Raúl Castro met Barack Obama in Panama. Castro said the talks were respectful.
            """
        #expect(Self.resolved("Castro", in: passage) == ["leader:fidel-castro", "leader:raul-castro"])
    }

    @Test("the other office of a state: prime ministers beside presidents, kings beside prime ministers, each by year")
    func otherOffice() throws {
        let kazakh = try TestSupport.graph("In 2008 Prime Minister Karim Massimov of Kazakhstan visited Beijing. Massimov signed a pipeline deal with China.")
        #expect(!kazakh.edges(between: "leader:karim-massimov", "country:kazakhstan", .leads).isEmpty)
        #expect(Self.resolved("Massimov", in: "In 2008 Prime Minister Karim Massimov of Kazakhstan visited Beijing. Massimov signed a pipeline deal with China.")
            == ["leader:karim-massimov"])
        // One person, two offices in turn: Ouyahia led four governments under one president.
        #expect(Self.resolved("Ouyahia", in: "Algeria's parliament met in 2010. Ouyahia defended the budget in 2010.") == ["leader:ahmed-ouyahia"])
        #expect(Self.resolved("Ouyahia", in: "Algeria's parliament met in 2001. Ouyahia defended the budget in 2001.") == [])
        let malaysia = try TestSupport.graph("In 2017 Sultan Muhammad V received the Saudi king in Kuala Lumpur on behalf of Malaysia.")
        #expect(!malaysia.edges(between: "leader:sultan-muhammad-v", "country:malaysia", .leads).isEmpty)
        let lithuania = try TestSupport.graph("In 2010 Andrius Kubilius, Lithuania's prime minister, met Donald Tusk of Poland in Vilnius.")
        #expect(!lithuania.edges(between: "leader:andrius-kubilius", "country:lithuania", .leads).isEmpty)
    }

    @Test("with no full name before it, a surname is the one in office that year in a state the article names")
    func surnameByYear() {
        #expect(Self.resolved("Castro", in: "Cuba nationalised American refineries in 1960. In 1961 Castro declared the revolution socialist.")
            == ["leader:fidel-castro"])
        #expect(Self.resolved("Gandhi", in: "India fought Pakistan in 1971, and Gandhi signed a treaty with the Soviet Union.")
            == ["leader:indira-gandhi"])
        #expect(Self.resolved("Gandhi", in: "India sent peacekeepers to Sri Lanka in 1987. Gandhi defended the accord in 1988.")
            == ["leader:rajiv-gandhi"])
        #expect(Self.resolved("Bush", in: "The United States led a coalition against Iraq in 1991. Bush declared a ceasefire in 1991.")
            == ["leader:george-h-w-bush"])
        #expect(Self.resolved("Bush", in: "The United States invaded Iraq in 2003. Bush announced the end of major combat in 2003.")
            == ["leader:george-w-bush"])
        #expect(Self.resolved("Kim", in: "North Korea invaded the South in 1950. In 1950 Kim asked Moscow for more tanks.")
            == ["leader:kim-il-sung"])
        #expect(Self.resolved("Kim", in: "North Korea tested a missile in 2017. In 2018 Kim met the South Korean president.")
            == ["leader:kim-jong-un"])
    }

    @Test("no guess: a surname stays unresolved when the article names no state of theirs or several fit")
    func noGuess() {
        #expect(Self.resolved("Castro", in: "In 1990 Castro spoke for four hours.") == [])
        // 1994: Kim Il-sung and Kim Jong-il in the North, Kim Young-sam in the South.
        #expect(Self.resolved("Kim", in: "North Korea and South Korea agreed to a summit in 1994. Kim welcomed it in 1994.") == [])
    }

    @Test("\"the prime minister\", \"the king\": the holder named before, else the one in office in a state named")
    func offices() {
        #expect(Self.resolved("prime minister", in: "In 2015 Narendra Modi flew to Washington. The prime minister met Barack Obama.")
            == ["leader:narendra-modi"])
        #expect(Self.resolved("king", in: "Morocco opened a new port in 2005. The king said trade would grow.")
            == ["leader:mohammed-vi-of-morocco"])
        #expect(Self.resolved("king", in: "Morocco held elections in 1997. In 1997 the king appointed a new government.")
            == ["leader:king-hassan-ii"])
        #expect(Self.resolved("prime minister", in: "In 1990 the prime minister resigned.") == [], "no state named: no guess")
        #expect(Self.resolved("president", in: "In 2019 the United States and the president of France met.")
            == ["leader:emmanuel-macron"], "the office in the state named after \"of\"")
        #expect(Self.resolved("prime minister", in: "In 1985 the prime minister of the United Kingdom visited Moscow.")
            == ["leader:margaret-thatcher"])
        #expect(Self.resolved("president", in: "In 2019 the president of the bank resigned.") == [], "no state after \"of\"")
    }

    @Test("a leader named about a time before their first term is mentioned but tied to nothing of that time")
    func beforeOffice() throws {
        let graph = try TestSupport.graph(
            "North Korea was founded in 1948 under Kim Jong-un's grandfather, Kim Il-sung, with the support of the Soviet Union.")
        #expect(graph.edges.filter { $0.source.rawValue == "leader:kim-jong-un" || $0.target.rawValue == "leader:kim-jong-un" } == [])
        #expect(!graph.edges(between: "leader:kim-il-sung", "country:north-korea", .leads).isEmpty)
        // A range that reaches into the first term keeps the leader: Eisenhower took office in 1953.
        let war = try TestSupport.graph("In 1950-1953 Dwight Eisenhower and the Soviet Union argued over Korea.")
        #expect(!war.edges(between: "leader:dwight-eisenhower", "country:soviet-union").isEmpty)
    }

    @Test("the seeds' graph puts no leader in an era outside their tenure")
    func seedsLeadersInTenure() {
        let graph = TestSupport.seedBuild.summary.graph
        var outside: [String] = []
        for edge in graph.edges {
            guard let era = graph.eras.first(where: { $0.id == edge.era }), let start = era.start else { continue }
            let end = era.end ?? 2025
            for id in [edge.source, edge.target] {
                guard let leader = TestSupport.knowledge.leader(id) else { continue }
                if !leader.terms.contains(where: { $0.start <= end && ($0.end ?? 2025) >= start }) {
                    outside.append("\(id.rawValue) in \(era.id)")
                }
            }
        }
        #expect(outside == [])
        #expect(!graph.edges(between: "leader:kim-il-sung", "country:north-korea", .leads).filter { $0.era == "soviet" }.isEmpty)
    }
}

/// Capitals, demonyms and seats of power of successor and historical states, resolved by the sentence's year.
@Suite("successor states by year")
struct SuccessorStateTests {
    @Test("Moscow is the Soviet Union in 1950 and Russia in 2015")
    func moscow() {
        #expect(ResolutionByTimeTests.resolved("Moscow", in: "In 1950 Moscow signed a treaty with Beijing.") == ["country:soviet-union"])
        #expect(ResolutionByTimeTests.resolved("Moscow", in: "In 2015 Moscow began air strikes in Syria.") == ["country:russia"])
        #expect(ResolutionByTimeTests.resolved("Kremlin", in: "In 2015 the Kremlin denied the reports.") == ["country:russia"])
    }

    @Test("Belgrade is Yugoslavia in 1970 and Serbia in 2010; Bonn is West Germany; Berlin follows the division")
    func belgradeBonnBerlin() {
        #expect(ResolutionByTimeTests.resolved("Belgrade", in: "In 1970 Belgrade hosted a meeting of non-aligned diplomats.") == ["country:yugoslavia"])
        #expect(ResolutionByTimeTests.resolved("Belgrade", in: "In 2010 Belgrade applied to join the European Union.") == ["country:serbia"])
        #expect(ResolutionByTimeTests.resolved("Bonn", in: "In 1970 Bonn signed a treaty with Warsaw.") == ["country:west-germany"])
        #expect(ResolutionByTimeTests.resolved("Berlin", in: "In 1970 Berlin protested to Bonn.") == ["country:east-germany"])
        #expect(ResolutionByTimeTests.resolved("Berlin", in: "In 2010 Berlin pressed Athens for budget cuts.") == ["country:germany"])
    }

    @Test("a demonym of a state that did not exist yet is its predecessor: Russian advisers in 1950")
    func demonyms() {
        #expect(ResolutionByTimeTests.resolved("Russian", in: "In 1950 Russian advisers arrived in Pyongyang.") == ["country:soviet-union"])
        #expect(ResolutionByTimeTests.resolved("Russian", in: "In 2015 Russian jets flew over Syria.") == ["country:russia"])
        // ("Czech students" are people, not the state: the demonym must stand for the government here.)
        #expect(ResolutionByTimeTests.resolved("Czech", in: "In 1968 the Czech government protested to Moscow.") == ["country:czechoslovakia"])
    }
}
