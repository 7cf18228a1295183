extension AnalysisNotebook {
  /// The compare notebook's effects section: a `policysim compare` folder's effects.csv as fans
  /// of paired differences, the share of runs lower over time, and a table at each year end.
  /// Expects `EFFECTS`, `METRIC`, `fan` and `short` from the cells before it.
  static func effectsCells() -> [Notebook.Cell] {
    [
      .markdown(#"""
        ## Policy effects: paired differences

        `policysim compare` runs replication *i* of every scenario with the same random numbers, so \
        scenario − reference in one run is the policy's effect under one draw of everything uncertain. \
        Line: median of these differences; darker band: middle 50% of runs; lighter band: middle 90%. \
        `share_negative` is the fraction of runs in which the scenario is lower than the reference.
        """#),
      .code(#"""
        if EFFECTS is None:
            effects = None
            print("No EFFECTS folder: write one with policysim compare REFERENCE.json SCENARIO.json ... --out DIR")
        else:
            effects = pd.read_csv(Path(EFFECTS) / "effects.csv", parse_dates=["date"])
            comparison = json.loads((Path(EFFECTS) / "manifest.json").read_text())
            reference = comparison["reference"]
            effect_metric = METRIC if METRIC in set(effects["metric"]) else effects["metric"].iloc[0]
            chosen = effects[effects["metric"] == effect_metric]
            fig, (ax, lower) = plt.subplots(2, 1, figsize=(10, 7), sharex=True, height_ratios=[3, 1], layout="constrained")
            for index, (scenario, rows) in enumerate(chosen.groupby("scenario", sort=False)):
                fan(ax, rows, f"{scenario} − {reference}", f"C{index}")
                lower.plot(rows["date"], rows["share_negative"], color=f"C{index}", linewidth=2)
            ax.axhline(0, color="black", linewidth=1)
            ax.set_title(f"Effect on {effect_metric}: paired differences from {reference}, {comparison['runs']:,} runs")
            ax.legend(loc="upper left")
            lower.set_ylim(0, 1)
            lower.yaxis.set_major_formatter(mticker.PercentFormatter(1))
            lower.set_ylabel("runs lower")
            plt.show()
        """#),
      .markdown("### At each year end: median effect [5%, 95%], and the share of runs lower"),
      .code(#"""
        if effects is not None:
            year_ends = chosen[chosen["date"].dt.month == 12]
            cells = year_ends.assign(
                year=year_ends["date"].dt.year,
                effect=[f"{short(m)} [{short(a)}, {short(b)}]; lower in {s:.0%}" for m, a, b, s in zip(year_ends["p50"], year_ends["p05"], year_ends["p95"], year_ends["share_negative"])],
            )
            display(cells.pivot(index="year", columns="scenario", values="effect"))
        """#),
    ]
  }
}
