/// Escaping for hand-built, self-contained HTML pages.
public enum HTML {
    /// Text safe inside an element or a quoted attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Shared look of every page.
    static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1d2430;background:#fff}
    h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 10px} .sub{color:#5b6577;margin-bottom:16px}
    .kpis{display:flex;flex-wrap:wrap;gap:10px} .kpi{border:1px solid #d9dee7;border-radius:8px;padding:10px 14px;min-width:140px}
    .kpi .v{font-size:20px;font-weight:600} .kpi .l{font-size:12px;color:#5b6577}
    .ok{color:#1a7f37} .bad{color:#c62828}
    .days{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:14px}
    .day{border:1px solid #e3e7ee;border-radius:8px;padding:8px} .day h3{font-size:14px;margin:0 0 4px}
    table{border-collapse:collapse;font-size:12px} th,td{border:1px solid #e3e7ee;padding:3px 6px;text-align:left;white-space:nowrap}
    th{background:#f4f6f9;position:sticky;top:0} td.off{color:#9aa3b2} td.num{text-align:right}
    .legend span{display:inline-block;margin-right:14px;font-size:12px} .sw{display:inline-block;width:12px;height:12px;vertical-align:-2px;margin-right:4px}
    """
}
