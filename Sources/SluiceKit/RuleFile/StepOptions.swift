/// The `key=value` options written after a step (`dedupe ledes window=6 threshold=0.8`),
/// checked against what the step accepts, with errors pointing at the option.
public struct StepOptions {
    private var values: [String: (value: String, column: Int)] = [:]
    private let scanner: RuleLineScanner

    /// Reads every option up to the end of the rule (or `as NAME`); an option not in
    /// `allowed`, or given twice, is an error.
    public init(_ scanner: inout RuleLineScanner, allowed: [String]) throws(RuleDiagnostic) {
        for option in scanner.readOptions() {
            guard allowed.contains(option.key) else {
                let list = allowed.isEmpty ? "it takes none" : "it takes: " + allowed.joined(separator: ", ")
                throw scanner.error("unknown option '\(option.key)'; \(list)", at: option.column)
            }
            guard values[option.key] == nil else {
                throw scanner.error("option '\(option.key)' is given twice", at: option.column)
            }
            values[option.key] = (option.value, option.column)
        }
        if !scanner.isAtEnd() {
            let save = scanner
            if let word = scanner.readWord(), word.text != "as" {
                throw scanner.error("expected an option such as key=value, or 'as NAME'", at: word.column)
            }
            scanner = save
        }
        self.scanner = scanner
    }

    /// The whole-number option `key`, or `defaultValue`; must lie in `range`.
    public func integer(_ key: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(RuleDiagnostic) -> Int {
        guard let given = values[key] else { return defaultValue }
        guard let value = Int(given.value), range.contains(value) else {
            throw scanner.error("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(given.value)'", at: given.column)
        }
        return value
    }

    /// The decimal option `key`, or `defaultValue`; must lie in `range`.
    public func decimal(_ key: String, default defaultValue: Double, in range: ClosedRange<Double>) throws(RuleDiagnostic) -> Double {
        guard let given = values[key] else { return defaultValue }
        guard let value = Double(given.value), value.isFinite, range.contains(value) else {
            throw scanner.error("\(key) must be a number from \(range.lowerBound) to \(range.upperBound), not '\(given.value)'", at: given.column)
        }
        return value
    }
}
