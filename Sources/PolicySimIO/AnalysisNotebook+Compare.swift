extension AnalysisNotebook {
  /// The compare notebook: several runs' fan charts on shared axes, final values, depletion;
  /// then a comparison folder's paired effects (see ``effectsCells()``).
  static func compareCells(parameters: String) -> [Notebook.Cell] {
    [
      .markdown("""
        # Comparing policysim scenarios

        Several `policysim run` output folders on shared axes: the main metric as overlaid fan charts, \
        every metric the runs share, the values at the last date, and when the Nvidia stockpile runs out. \
        Then the effects of `policysim compare`: each scenario minus the reference, run by run.
        """),
      .code(#"""
        # Parameters: output folders of `policysim run` and of `policysim compare` (or None),
        # relative to this notebook, and the main metric.
        \#(parameters)
        METRIC = "capacity_h100e"
        """#, tags: ["parameters"]),
      .code(#"""
        import json
        from pathlib import Path

        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
        import matplotlib.ticker as mticker
        import pandas as pd


        def short(value):
            for factor, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
                if abs(value) >= factor:
                    return f"{value / factor:.3g}{suffix}"
            return f"{value:.3g}"


        runs = []
        for path in RESULTS:
            folder = Path(path)
            manifest = json.loads((folder / "manifest.json").read_text())
            runs.append({
                "name": manifest["scenarioName"],
                "label": f"{manifest['scenarioName']} ({manifest['runs']:,} runs)",
                "start": pd.Timestamp(manifest["resolvedScenario"]["start"]),
                "summary": pd.read_csv(folder / "summary.csv", parse_dates=["date"]),
                "scalars": pd.read_csv(folder / "scalars.csv"),
            })
        shared = [m for m in dict.fromkeys(runs[0]["summary"]["metric"]) if all(m in set(r["summary"]["metric"]) for r in runs)] if runs else []
        if runs and METRIC not in shared:
            print(f"{METRIC} is not in every folder; using {shared[0]}")
            METRIC = shared[0]
        title = " vs ".join(r["name"] for r in runs)
        print(title or "No run folders in RESULTS", "-", len(shared), "shared metrics")
        """#),
      .markdown(#"""
        ## Fan charts

        Line: median of runs; darker band: middle 50% of runs; lighter band: middle 90%.
        """#),
      .code(#"""
        \#(fanFunction)


        if runs:
            fig, ax = plt.subplots(figsize=(10, 5))
            for index, run in enumerate(runs):
                fan(ax, run["summary"][run["summary"]["metric"] == METRIC], run["label"], f"C{index}")
            ax.set_title(f"{METRIC}: {title}")
            ax.legend(loc="upper left")
            plt.show()
        """#),
      .code(#"""
        if runs:
            columns = 3
            rows_needed = -(-len(shared) // columns)
            fig, axes = plt.subplots(rows_needed, columns, figsize=(15, 3.2 * rows_needed), sharex=True, squeeze=False, layout="constrained")
            for ax, metric in zip(axes.flat, shared):
                for index, run in enumerate(runs):
                    fan(ax, run["summary"][run["summary"]["metric"] == metric], run["label"], f"C{index}")
                ax.set_title(metric, fontsize=10)
            for ax in axes.flat[len(shared):]:
                ax.set_visible(False)
            axes.flat[0].legend(fontsize=8)
            fig.suptitle(title)
            plt.show()
        """#),
      .markdown("## Values at the last date: median [5%, 95%]"),
      .code(#"""
        table = {}
        for run in runs:
            last = run["summary"][run["summary"]["date"] == run["summary"]["date"].max()].set_index("metric")
            table[run["label"]] = {m: f"{short(last.at[m, 'p50'])} [{short(last.at[m, 'p05'])}, {short(last.at[m, 'p95'])}]" for m in shared}
        pd.DataFrame(table)
        """#),
      .markdown("## When the Nvidia stockpile runs out"),
      .code(#"""
        if runs:
            fig, ax = plt.subplots(figsize=(10, 3.5))
            for index, run in enumerate(runs):
                days = run["scalars"].loc[run["scalars"]["metric"] == "stockpile_depleted_day", "value"]
                depleted = run["start"] + pd.to_timedelta(days.dropna(), unit="D")
                share = len(depleted) / max(len(days), 1)
                median = depleted.median().date() if len(depleted) else "never"
                print(f"{run['label']}: ran out in {share:.0%} of runs, median date {median}")
                if len(depleted):
                    edges = pd.date_range(run["start"], run["summary"]["date"].max() + pd.offsets.QuarterBegin(startingMonth=1), freq="QS")
                    ax.hist(mdates.date2num(depleted), bins=mdates.date2num(edges), histtype="step", linewidth=2, color=f"C{index}", label=run["label"])
            ax.xaxis_date()
            ax.set_ylabel("runs per quarter")
            ax.set_title("Quarter the stockpile ran out")
            if ax.has_data():
                ax.legend(loc="upper right")
            plt.show()
        """#),
    ] + effectsCells()
  }
}
