import BlueprintDescription

/// The platform team's security decisions (`Target.security`) as the `.tf` templates use them:
/// each option set turns a hardening on; each one unset leaves an in-line checkov skip that
/// names the option.
public struct TerraformSecurityValues: Encodable, Hashable, Sendable {
    /// True when a customer-managed key is named.
    public var hasKMSKey: Bool
    /// The KMS key ARN / Cloud KMS key id / Key Vault key id; empty when none.
    public var kmsKey: String
    /// True when a WAF web ACL (AWS) / Cloud Armor policy (GCP) is named.
    public var hasWAF: Bool
    /// The WAF web ACL ARN or security policy id; empty when none.
    public var waf: String
    /// True when an access-log bucket is named.
    public var hasAccessLogBucket: Bool
    /// The access-log bucket; empty when none.
    public var accessLogBucket: String
    /// True when a TLS certificate is named.
    public var hasCertificate: Bool
    /// The certificate ARN; empty when none.
    public var certificate: String

    /// The options of `targets`: for each, the first target that sets it.
    init(_ targets: [Target]) {
        func first(_ pick: (Security) -> String?) -> String {
            targets.compactMap { pick($0.security) }.first { !$0.isEmpty } ?? ""
        }
        kmsKey = first(\.kmsKey)
        waf = first(\.wafACL)
        accessLogBucket = first(\.accessLogBucket)
        certificate = first(\.certificate)
        hasKMSKey = !kmsKey.isEmpty
        hasWAF = !waf.isEmpty
        hasAccessLogBucket = !accessLogBucket.isEmpty
        hasCertificate = !certificate.isEmpty
    }
}
