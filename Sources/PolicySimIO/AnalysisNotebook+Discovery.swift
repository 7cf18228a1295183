extension AnalysisNotebook {
  /// The run notebook's scenario discovery section: the peeling trajectory and chosen box that
  /// `policysim discover` wrote into the folder. Expects `folder` from the cells before it.
  static func discoveryCells() -> [Notebook.Cell] {
    [
      .markdown(#"""
        ## Scenario discovery

        `policysim discover` marks the runs meeting a condition (e.g. `capacity_h100e@2027-12-31 > 2000000`) \
        and peels boxes of drawn parameters with PRIM. Each point is a box on the peeling trajectory: coverage \
        is the share of the runs of interest inside it, density the share of its runs that are of interest. \
        The ringed point is the box chosen; the table gives its bounds, each parameter's range over all runs, \
        the quasi-p-value of each restriction (small: it concentrates the runs of interest; above 0.05: it could be dropped), \
        and the scenario's source for it.
        """#),
      .code(#"""
        discovery_file = folder / "discovery.csv"
        if not discovery_file.exists():
            print(f"No discovery.csv in {folder}: write one with policysim discover {RESULTS} --where 'METRIC@YYYY-MM-DD > NUMBER'")
        else:
            discovery = pd.read_csv(discovery_file)
            settings = json.loads((folder / "discovery.json").read_text())
            boxes = discovery.drop_duplicates("point")
            peeled = boxes[boxes["phase"] == "peel"]
            fig, ax = plt.subplots(figsize=(8, 5))
            dots = ax.scatter(peeled["coverage"], peeled["density"], c=peeled["restricted"], cmap="viridis", zorder=3)
            fig.colorbar(dots, label="parameters restricted")
            chosen = boxes[boxes["selected"]]
            if len(chosen):
                ax.scatter(chosen["coverage"], chosen["density"], s=220, facecolors="none", edgecolors="C1", linewidths=2, label="chosen box", zorder=4)
                ax.legend(loc="lower left")
            if "densityThreshold" in settings:
                ax.axhline(settings["densityThreshold"], color="black", linestyle="--", linewidth=1)
            ax.set(xlim=(0, 1.02), ylim=(0, 1.02), xlabel="coverage", ylabel="density")
            ax.set_title(f"PRIM: {settings['where']} ({settings['baseRate']:.0%} of runs)")
            plt.show()
            box = discovery[discovery["selected"] & discovery["parameter"].notna()]
            print("No box chosen: none reaches the density threshold." if box.empty else f"Box {box['point'].iloc[0]}: coverage {box['coverage'].iloc[0]:.2f}, density {box['density'].iloc[0]:.2f}")
            display(box[["parameter", "lower", "upper", "data_lower", "data_upper", "quasi_p", "source_path", "source"]])
        """#),
    ]
  }
}
