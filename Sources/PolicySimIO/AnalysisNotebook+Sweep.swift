extension AnalysisNotebook {
  /// The sweep notebook: a metric against each swept parameter, then Sobol indices and the
  /// tornado chart when `policysim analyze` has written them.
  static func sweepCells(parameters: String) -> [Notebook.Cell] {
    [
      .markdown("""
        # policysim sweep results

        A parameter sweep's `points.csv` (one row per point) and `results.csv` (statistics per point, \
        metric and date): the metric at the last date against each parameter, then the Sobol indices \
        (`sensitivity.csv`) and tornado swings (`tornado.csv`) when `policysim analyze` has written them.
        """),
      .code(#"""
        # Parameters: the output folder of a sweep, relative to this notebook, and the metric to show.
        \#(parameters)
        METRIC = "capacity_h100e"
        """#, tags: ["parameters"]),
      .code(#"""
        from pathlib import Path

        import matplotlib.pyplot as plt
        import matplotlib.ticker as mticker
        import pandas as pd

        folder = Path(RESULTS)
        points = pd.read_csv(folder / "points.csv")
        results = pd.read_csv(folder / "results.csv", parse_dates=["date"])
        parameters = [column for column in points.columns if column != "point"]
        metrics = list(dict.fromkeys(results["metric"]))
        if METRIC not in metrics:
            print(f"{METRIC} is not in results.csv; using {metrics[0]}")
            METRIC = metrics[0]
        last_date = results.loc[results["metric"] == METRIC, "date"].max()
        at_last = results[(results["metric"] == METRIC) & (results["date"] == last_date)].merge(points, on="point")
        print(f"{len(points)} points, {len(parameters)} parameters, {len(metrics)} metrics; {METRIC} on {last_date.date()}")


        def analysis_rows(name, what):
            """Rows of METRIC at its last date in an analysis file, or None (with a note) when there are none."""
            file = folder / name
            if not file.exists():
                print(f"No {name} in {folder}: run `policysim analyze` on the sweep to add {what}.")
                return None
            rows = pd.read_csv(file, parse_dates=["date"])
            rows = rows[rows["metric"] == METRIC]
            rows = rows[rows["date"] == rows["date"].max()]
            if rows.empty:
                print(f"{name} has no rows for {METRIC}")
                return None
            return rows
        """#),
      .markdown("## Results by parameter\n\nEach dot is one point of the sweep: its median, with a bar from the 5th to the 95th percentile of its runs."),
      .code(#"""
        columns = min(3, len(parameters))
        rows_needed = -(-len(parameters) // columns)
        fig, axes = plt.subplots(rows_needed, columns, figsize=(5 * columns, 3.5 * rows_needed), sharey=True, squeeze=False, layout="constrained")
        for ax, parameter in zip(axes.flat, parameters):
            ax.errorbar(
                at_last[parameter], at_last["p50"],
                yerr=[at_last["p50"] - at_last["p05"], at_last["p95"] - at_last["p50"]],
                fmt="o", markersize=4, alpha=0.7, elinewidth=0.8,
            )
            ax.set_xlabel(parameter)
            ax.yaxis.set_major_formatter(mticker.EngFormatter())
        for ax in axes.flat[len(parameters):]:
            ax.set_visible(False)
        axes.flat[0].set_ylabel(f"{METRIC} on {last_date.date()}")
        plt.show()
        """#),
      .markdown("## Sobol indices\n\nFirst-order (S1) and total (ST) indices with their confidence intervals, at the last date."),
      .code(#"""
        sobol = analysis_rows("sensitivity.csv", "Sobol indices")
        if sobol is not None:
            sobol = sobol.sort_values("ST")
            fig, ax = plt.subplots(figsize=(9, 0.5 * len(sobol) + 1.5))
            y = range(len(sobol))
            for offset, index, color in [(-0.2, "S1", "C0"), (0.2, "ST", "C1")]:
                ax.barh(
                    [v + offset for v in y], sobol[index], height=0.4, color=color, label=index,
                    xerr=[sobol[index] - sobol[f"{index}_low"], sobol[f"{index}_high"] - sobol[index]],
                )
            ax.set_yticks(list(y), sobol["parameter"])
            ax.set_xlabel("share of output variance")
            ax.set_title(f"Sobol indices of {METRIC} on {sobol['date'].max().date()}")
            ax.legend(loc="lower right")
            plt.show()
        """#),
      .markdown("## Tornado"),
      .code(#"""
        tornado = analysis_rows("tornado.csv", "one-at-a-time swings")
        if tornado is not None:
            tornado = tornado.sort_values("swing")
            fig, ax = plt.subplots(figsize=(9, 0.5 * len(tornado) + 1.5))
            low = tornado[["output_at_low", "output_at_high"]].min(axis=1)
            high = tornado[["output_at_low", "output_at_high"]].max(axis=1)
            ax.barh(tornado["parameter"], high - low, left=low, color="C0")
            ax.xaxis.set_major_formatter(mticker.EngFormatter())
            ax.set_xlabel(f"{METRIC} with each parameter at its low and high value")
            ax.set_title(f"One-at-a-time swings of {METRIC} on {tornado['date'].max().date()}")
            plt.show()
        """#),
    ]
  }
}
