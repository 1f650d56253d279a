/// Where the deploy workflow reports each deploy's outcome (success, failure or cancellation,
/// with the environment, the image tag and a link to the run).
public struct Notification: Codable, Hashable, Sendable {
    /// The message format.
    public enum Kind: String, Codable, Sendable {
        /// A JSON `{"text": ...}` POST: Slack, Mattermost and Discord-compatible incoming webhooks.
        case webhook
    }

    /// The message format.
    public var kind: Kind
    /// The GitHub secret that holds the webhook URL (a URL with a token is a credential).
    public var secret: String

    /// POSTs `{"text": ...}` to the URL in the GitHub secret `secret`, for example
    /// `.webhook(secret: "DEPLOY_WEBHOOK_URL")`.
    public static func webhook(secret: String) -> Notification {
        Notification(kind: .webhook, secret: secret)
    }
}
