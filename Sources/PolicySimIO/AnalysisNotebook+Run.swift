extension AnalysisNotebook {
  /// The run notebook: every metric as a fan chart, capacity by source, depletion dates, and
  /// scenario discovery when the folder holds it.
  static func runCells(parameters: String) -> [Notebook.Cell] {
    [
      .markdown("""
        # policysim run results

        Fan charts of every outcome over time, capacity by source, when the Nvidia stockpile runs out, \
        and scenario discovery (`policysim discover`), read from the CSV files of `policysim run`. Point it at another folder with \
        `policysim export-notebook DIR` or `papermill run.ipynb out.ipynb -p RESULTS DIR`.
        """),
      .code(#"""
        # Parameters: the output folder of `policysim run`, relative to this notebook.
        \#(parameters)
        """#, tags: ["parameters"]),
      .code(#"""
        import json
        from pathlib import Path

        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
        import matplotlib.ticker as mticker
        import pandas as pd

        folder = Path(RESULTS)
        manifest = json.loads((folder / "manifest.json").read_text())
        summary = pd.read_csv(folder / "summary.csv", parse_dates=["date"])
        scalars = pd.read_csv(folder / "scalars.csv")
        start = pd.Timestamp(manifest["resolvedScenario"]["start"])
        title = f"{manifest['scenarioName']}, {manifest['runs']:,} runs"
        metrics = list(dict.fromkeys(summary["metric"]))
        print(f"{title}: {len(metrics)} metrics, {summary['date'].min().date()} to {summary['date'].max().date()}")
        """#),
      .markdown(#"""
        ## Fan charts

        Line: median of runs; darker band: middle 50% of runs (p25–p75); lighter band: middle 90% (p05–p95).
        """#),
      .code(#"""
        \#(fanFunction)


        columns = 3
        rows_needed = -(-len(metrics) // columns)
        fig, axes = plt.subplots(rows_needed, columns, figsize=(15, 3.2 * rows_needed), sharex=True, squeeze=False, layout="constrained")
        for ax, metric in zip(axes.flat, metrics):
            fan(ax, summary[summary["metric"] == metric], metric, "C0")
            ax.set_title(metric, fontsize=10)
        for ax in axes.flat[len(metrics):]:
            ax.set_visible(False)
        fig.suptitle(title)
        plt.show()
        """#),
      .markdown("## Capacity by source"),
      .code(#"""
        sources = {
            "capacity_h100e_stockpile": "Stockpile (held at the start)",
            "capacity_h100e_legal": "Legal imports",
            "capacity_h100e_gray": "Gray market",
            "capacity_h100e_gaming": "Converted gaming cards",
            "capacity_h100e_domestic": "Domestic (Huawei, Cambricon)",
        }
        present = [metric for metric in sources if metric in metrics]
        if not present:
            print("No capacity-by-source metrics in", folder)
        else:
            medians = summary[summary["metric"].isin(present)].pivot(index="date", columns="metric", values="p50")[present]
            fig, ax = plt.subplots(figsize=(10, 4.5))
            ax.stackplot(medians.index, medians.T.values, labels=[sources[m] for m in present], alpha=0.85)
            total = summary[summary["metric"] == "capacity_h100e"]
            ax.plot(total["date"], total["p50"], "k--", label="Total (median)")
            ax.set_ylabel("H100-equivalents")
            ax.yaxis.set_major_formatter(mticker.EngFormatter())
            ax.set_title(f"Capacity by source, medians stacked: {title}")
            ax.legend(loc="upper left")
            plt.show()
        """#),
      .markdown("## When the Nvidia stockpile runs out"),
      .code(#"""
        days = scalars.loc[scalars["metric"] == "stockpile_depleted_day", "value"]
        depleted = start + pd.to_timedelta(days.dropna(), unit="D")
        print(f"Stockpile ran out in {len(depleted):,} of {len(days):,} runs ({len(depleted) / max(len(days), 1):.0%}).")
        if len(depleted):
            print("Median date:", depleted.median().date(), "| 5%:", depleted.quantile(0.05).date(), "| 95%:", depleted.quantile(0.95).date())
            edges = pd.date_range(start, summary["date"].max() + pd.offsets.QuarterBegin(startingMonth=1), freq="QS")
            fig, ax = plt.subplots(figsize=(10, 3.5))
            ax.hist(mdates.date2num(depleted), bins=mdates.date2num(edges), color="C0")
            ax.xaxis_date()
            ax.set_ylabel("runs per quarter")
            ax.set_title(f"Quarter the stockpile ran out: {title}")
            plt.show()
        """#),
    ] + discoveryCells()
  }
}
