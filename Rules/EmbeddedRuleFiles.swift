/// The rule files shipped in `Rules/`, built into the binary so `sluice` needs no files at
/// run time. A test checks that every `Rules/*.rules` file is listed here.
public enum EmbeddedRuleFiles {
    /// The file used when no rules are given.
    public static let defaultName = "default.rules"

    /// Every shipped rule file's bytes, by file name.
    public static let files: [String: [UInt8]] = [
        "default.rules": PackageResources.default_rules,
        "ads.rules": PackageResources.ads_rules,
        "social.rules": PackageResources.social_rules,
        "read-more.rules": PackageResources.read_more_rules,
        "publisher.rules": PackageResources.publisher_rules,
        "appeals.rules": PackageResources.appeals_rules,
        "navigation.rules": PackageResources.navigation_rules,
        "news.rules": PackageResources.news_rules,
    ]
}
