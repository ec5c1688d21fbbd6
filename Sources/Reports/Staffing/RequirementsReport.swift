public import Staffing
import Core

/// `requirements.csv`: one row for every interval of the week (SPEC §5); `abandon_rate` under Erlang A only.
public enum RequirementsReport {
    public static let header = ["start", "contacts", "aht_seconds", "workload_erlangs", "agents_needed", "agents_scheduled", "service_level", "occupancy",
                                     "abandon_rate"]

    /// The CSV text for `rows`.
    public static func csv(_ rows: [IntervalRequirement], bom: Bool = false) -> CSVWriter {
        var writer = CSVWriter(header: header, bom: bom)
        for row in rows {
            let open = row.isOpen
            writer.append([
                .text(row.start.description),
                row.contacts.map { .number($0.description) } ?? .empty,
                row.ahtSeconds.map { .number(open ? $0.description : "0") } ?? .empty,
                row.workload.map { .number(Format.fixed($0, places: 4)) } ?? .empty,
                row.agentsNeeded.map { .number(String($0)) } ?? .empty,
                .number(String(row.agentsScheduled)),
                row.serviceLevel.map { .number(Format.fixed($0, places: 4)) } ?? .empty,
                row.occupancy.map { .number(Format.fixed($0, places: 4)) } ?? .empty,
                row.abandonRate.map { .number(Format.fixed($0, places: 4)) } ?? .empty,
            ])
        }
        return writer
    }
}
