import Testing
@testable import Reports

/// When the compare page says two rosters' order by labour cost is not proven: hand-worked cases.
@Suite struct ComparePageTests {
    @Test func theOrderIsUnprovenWhereTheGapsReachTheDifference() {
        // Seen on the example week at service levels 80 % and 90 %: 164,117 within 27 of the best, 164,090 proven
        // best. The first's best may cost 164,090 too: a tie, so "90 % costs less labour" is not proven.
        #expect(ComparePage.orderUnproven(labour: (164_117, 164_090), gaps: (27, 0)))
        #expect(!ComparePage.orderUnproven(labour: (164_117, 164_090), gaps: (26.99, 0)))
        #expect(ComparePage.orderUnproven(labour: (164_090, 164_117), gaps: (20, 8)))
        // To the half cent (money is in cents).
        #expect(ComparePage.orderUnproven(labour: (100.004, 73), gaps: (27, 0)))
        #expect(!ComparePage.orderUnproven(labour: (100.006, 73), gaps: (27, 0)))
        // The same cost: unproven while either has a gap; two proven-best rosters have no order to prove.
        #expect(ComparePage.orderUnproven(labour: (500, 500), gaps: (0, 1)))
        #expect(!ComparePage.orderUnproven(labour: (500, 500), gaps: (0, 0)))
    }
}
