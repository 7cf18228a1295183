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
    /// Targets with the same error group share the conversion part of their error (say, the
    /// same series read through the same uncertain factor); nil: the target stands alone.
    public let errorGroup: String?

    /// The sds of the log error between the published figure and the model's value, and where
    /// the figure's own part comes from: the stated sigma (then nothing else); else the
    /// published range read as a 90% interval (`ln(high / low) / 3.29`), or `defaultSigma`
    /// without one, plus the conversion's spread, which an error group shares.
    public func errorSigma(default defaultSigma: Double) -> (own: Double, conversion: Double, source: String) {
      if let sigma { return (sigma.value, 0, "stated") }
      let figure = published.range.map { LognormalError.sigma(ninetyPercentLow: $0.lowerBound, high: $0.upperBound) }
      return (figure ?? defaultSigma, conversionSigma, (figure == nil ? "default" : "range") + (conversionSigma > 0 ? " and conversion" : ""))
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
