import Experiments

/// One published estimate to hold the model against: a row of a targets file such as
/// Validation/targets.json (format in docs/validation.md).
public struct ValidationTarget: Sendable {
  /// How a target maps onto the model's outcomes, or why it cannot.
  public enum Mapping: Sendable {
    /// The model speaks to it through this window of its outcomes.
    case compared(Comparison)
    /// The model cannot speak to it, for this reason (e.g. a revenue or a global total).
    case notModelled(reason: String)
  }

  /// What the model's per-run value is compared with, in the metric's own unit.
  public struct Comparison: Sendable {
    public let window: TargetWindow
    /// The unit of the metric (after any conversion of the published figure), e.g. "units".
    public let unit: String
    /// How H100-equivalents are counted, for H100e metrics.
    public let normalisation: H100eNormalisation?
    /// The published figure in the metric's unit (converted by the conversion's central factor).
    public let published: PublishedFigure
    /// The conversion applied to the published figure, in words ("x2.4 (2.3-2.5): …").
    public let conversion: String?
    /// The log-scale spread of an uncertain conversion factor, its range read as a 90%
    /// interval (0 without one).
    public let conversionSigma: Double
    /// A stated spread (sd of the log error) for conditioning, overriding the range's, with
    /// its basis.
    public let sigma: (value: Double, basis: String)?

    /// The sd of the log error between the published figure and the model's value, and where
    /// it comes from: the stated sigma; else the published range read as a 90% interval
    /// (`ln(high / low) / 3.29`), or `defaultSigma` without one, combined in quadrature with
    /// the conversion's spread.
    public func errorSigma(default defaultSigma: Double) -> (value: Double, source: String) {
      if let sigma { return (sigma.value, "stated") }
      let figure = published.range.map { LognormalError.sigma(ninetyPercentLow: $0.lowerBound, high: $0.upperBound) }
      let source = (figure == nil ? "default" : "range") + (conversionSigma > 0 ? " and conversion" : "")
      return (((figure ?? defaultSigma) * (figure ?? defaultSigma) + conversionSigma * conversionSigma).squareRoot(), source)
    }
  }

  /// Short identifier, e.g. "V4" or "V12-2024".
  public let id: String
  /// What the figure measures, in words.
  public let measures: String
  /// The published value as the source gives it.
  public let publishedText: String
  /// Who published it.
  public let source: String
  /// How the source's definition differs from the model's, if it does.
  public let caveat: String?
  /// The scenario parameter the figure calibrated, when it did: such a target is reported but
  /// never counts as evidence.
  public let calibrates: String?
  public let mapping: Mapping

  /// Whether the figure was used to calibrate an input.
  public var isInput: Bool { calibrates != nil }

  /// The comparison, when the model speaks to the target.
  public var comparison: Comparison? {
    if case .compared(let comparison) = mapping { return comparison }
    return nil
  }
}

/// The span of the model's output a target compares with.
public enum TargetWindow: Sendable, Equatable {
  /// The sum of the metrics at one report date (stocks are at the report date).
  case stock(metrics: [String], date: String)
  /// The sum of the metrics' monthly values over the months whose report dates fall in
  /// `from...to` (flows are for the month ending at the report date).
  case flow(metrics: [String], from: String, to: String)

  /// The metrics summed.
  public var metrics: [String] {
    switch self {
    case .stock(let metrics, _), .flow(let metrics, _, _): metrics
    }
  }

  /// The last day the window reaches.
  public var end: String {
    switch self {
    case .stock(_, let date): date
    case .flow(_, _, let to): to
    }
  }

  /// "stock 2025-12-31" or "flow 2025-01-01..2025-12-31".
  public var text: String {
    switch self {
    case .stock(_, let date): "stock \(date)"
    case .flow(_, let from, let to): "flow \(from)..\(to)"
    }
  }
}

/// How a count of H100-equivalents normalises a chip: by its dense 16-bit rate or 8-bit rate
/// on paper (Epoch AI uses 8-bit), or as effective capacity after software efficiency.
public enum H100eNormalisation: String, CaseIterable, Sendable {
  case paperFP16 = "paper-fp16"
  case paper8Bit = "paper-8bit"
  case effective

  /// "paper, dense FP16" for tables.
  public var words: String {
    switch self {
    case .paperFP16: "paper, dense FP16"
    case .paper8Bit: "paper, 8-bit"
    case .effective: "effective"
    }
  }
}

/// A published central value and, when the source gives one, its range (both in the metric's
/// unit): all positive, `low < central < high` when a range is given.
public struct PublishedFigure: Sendable, Equatable {
  public let central: Double
  public let range: ClosedRange<Double>?

  public init(central: Double, range: ClosedRange<Double>?) {
    self.central = central
    self.range = range
  }
}
