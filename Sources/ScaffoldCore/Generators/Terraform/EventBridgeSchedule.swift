/// A five-field cron schedule as EventBridge Scheduler reads it: six fields with a year, `?` in
/// whichever day field is unrestricted, and days of the week numbered from 1 (Sunday) instead of 0.
public enum EventBridgeSchedule {
    /// `cron(minute hour day-of-month month day-of-week year)` for a valid five-field `schedule`,
    /// or nil when it restricts both the day of the month and the day of the week: standard cron
    /// runs on either, and EventBridge can't say that.
    public static func expression(_ schedule: String) -> String? {
        let fields = schedule.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count == 5 else { return nil }
        let dayOfMonth = fields[2], dayOfWeek = fields[4]
        switch (dayOfMonth == "*", dayOfWeek == "*") {
        case (_, true):
            return "cron(\(fields[0]) \(fields[1]) \(dayOfMonth) \(fields[3]) ? *)"
        case (true, false):
            return "cron(\(fields[0]) \(fields[1]) ? \(fields[3]) \(weekdaysFromOne(dayOfWeek)) *)"
        case (false, false):
            return nil
        }
    }

    /// True when EventBridge can run `schedule` as written.
    public static func canExpress(_ schedule: String) -> Bool {
        expression(schedule) != nil
    }

    /// A day-of-week field with each day number moved from 0–6 (Sunday 0) to 1–7 (Sunday 1);
    /// steps and `*` stay as they are.
    static func weekdaysFromOne(_ field: String) -> String {
        field.split(separator: ",", omittingEmptySubsequences: false).map { part -> String in
            let pieces = part.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let base = pieces[0] == "*" ? "*" : pieces[0].split(separator: "-", omittingEmptySubsequences: false)
                .map { Int($0).map { String($0 + 1) } ?? String($0) }
                .joined(separator: "-")
            return pieces.count == 2 ? "\(base)/\(pieces[1])" : base
        }.joined(separator: ",")
    }
}
