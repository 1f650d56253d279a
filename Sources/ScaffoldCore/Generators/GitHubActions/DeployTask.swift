/// One `.job` as a deploy step runs it: its name and how long the step waits for it.
struct DeployTask: Encodable {
    /// The job's name (`value`, as the templates' lists of names read it).
    var value: String
    /// The seconds one attempt may run (`timeout:`).
    var timeoutSeconds: Int
    /// How many attempts the step makes on ECS, where it starts a failed task again itself.
    var attempts: Int
    /// How many 10-second polls the step makes for one ECS attempt.
    var attemptPolls: Int
    /// How many 10-second polls the step makes for a whole Container Apps execution, whose
    /// retries run inside it (`jobDeadlineSeconds`).
    var executionPolls: Int

    /// The deploy step's view of `job`.
    init(_ job: ResolvedService) {
        value = job.name
        timeoutSeconds = job.timeoutSeconds
        attempts = job.retryLimit + 1
        attemptPolls = Self.polls(job.timeoutSeconds)
        executionPolls = Self.polls(job.jobDeadlineSeconds)
    }

    /// 10-second polls that cover `seconds`, and one more minute for the platform to report.
    static func polls(_ seconds: Int) -> Int { (seconds + 9) / 10 + 6 }
}
