import Testing
@testable import Core

@Suite struct TimeTests {
    @Test func weekdaysOfKnownDates() throws {
        #expect(try #require(LocalDate(iso: "2026-11-30")).weekday == .mon)
        #expect(try #require(LocalDate(iso: "2026-12-06")).weekday == .sun)
        #expect(try #require(LocalDate(iso: "2000-02-29")).weekday == .tue)
        #expect(try #require(LocalDate(iso: "1970-01-01")).weekday == .thu)
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "26-11-30") == nil)
    }

    @Test func dateArithmeticRoundTrips() throws {
        let start = try #require(LocalDate(iso: "2024-02-27"))
        #expect(start.adding(days: 2).description == "2024-02-29")
        #expect(start.adding(days: 3).description == "2024-03-01")
        #expect(start.adding(days: 400).adding(days: -400) == start)
    }

    @Test func weekdayNames() {
        #expect(Weekday(name: "sun") == .sun)
        #expect(Weekday(name: "Monday") == .mon)
        #expect(Weekday(name: "MON") == .mon)
        #expect(Weekday(name: "Mo") == nil)
        #expect(Weekday(name: "Sunny") == nil)
    }

    @Test func gridPlacesIntervals() throws {
        let grid = TimeGrid(weekStart: try #require(LocalDate(iso: "2026-11-30")), intervalMinutes: 30)
        #expect(grid.intervalCount == 336)
        #expect(try grid.index(of: #require(LocalDateTime(iso: "2026-11-30T08:00"))).get() == 16)
        #expect(try grid.index(of: #require(LocalDateTime(iso: "2026-12-06T23:30"))).get() == 335)
        #expect(throws: GridPlacementError.self) { try grid.index(of: #require(LocalDateTime(iso: "2026-12-07T00:00"))).get() }
        #expect(throws: GridPlacementError.self) { try grid.index(of: #require(LocalDateTime(iso: "2026-11-30T08:15"))).get() }
        #expect(grid.start(of: 49).description == "2026-12-01T00:30")
    }

    @Test func clockTimes() {
        #expect(ClockTime(text: "07:00")?.minutes == 420)
        #expect(ClockTime(text: "26:00", maxHours: 48)?.wallClock == "02:00")
        #expect(ClockTime(text: "26:00") == nil)
        #expect(ClockTime(text: "7:60") == nil)
    }

    @Test func didYouMean() {
        #expect(closestMatch(to: "servce_level", in: ["service_level", "shrinkage"]) == "service_level")
        #expect(closestMatch(to: "zzz", in: ["service_level"]) == nil)
    }
}
