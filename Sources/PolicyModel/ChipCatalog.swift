/// The chips policysim ships with, their figures from `shared/research/domain.md` §2.
public enum ChipCatalog {
  /// Every shipped SKU, in a fixed order (exports and reports follow it).
  public static let standard: [ChipSKU] = [
    ChipSKU(
      id: "A100", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 312, int8DenseTOPS: 624,
      dieAreaMm2: 826, interconnectGBps: 600, hbmStacksPerPackage: 5,
      source: "glennklockwood.com/garden/peak-FLOPS; domain.md §2"),
    ChipSKU(
      id: "A800", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 312, int8DenseTOPS: 624,
      dieAreaMm2: 826, interconnectGBps: 400, hbmStacksPerPackage: 5,
      source: "aiwiki.ai/wiki/nvidia_a800 (NVLink cut to 400 GB/s); domain.md §2"),
    ChipSKU(
      id: "H100", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 989, int8DenseTOPS: 1_979,
      dieAreaMm2: 814, interconnectGBps: 900, hbmStacksPerPackage: 5,
      source: "aiwiki.ai/wiki/nvidia_h100; techspot.com/news/99839"),
    ChipSKU(
      id: "H800", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 989, int8DenseTOPS: 1_979,
      dieAreaMm2: 814, interconnectGBps: 400, hbmStacksPerPackage: 5,
      source: "aiwiki.ai/wiki/nvidia_h800 (NVLink 400 GB/s)"),
    ChipSKU(
      id: "H20", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 148, int8DenseTOPS: 296,
      dieAreaMm2: 814, interconnectGBps: 900, hbmStacksPerPackage: 4,
      source: "tomshardware (H20/L20/L2 specifications); domain.md §2"),
    ChipSKU(
      id: "H200", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 989, int8DenseTOPS: 1_979,
      dieAreaMm2: 814, interconnectGBps: 900, hbmStacksPerPackage: 6,
      source: "lzwjava.github.io; digitimes a20251223PD231"),
    ChipSKU(
      id: "B200", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 2_250, int8DenseTOPS: 4_500,
      dieAreaMm2: 1_600, interconnectGBps: 1_800, diesPerPackage: 2, hbmStacksPerPackage: 8,
      source: "glennklockwood.com/garden/processors/B200; hmc-tech.com (die area ≈ 2 × 800 mm², approx.)"),
    ChipSKU(
      id: "B30A", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 1_125, int8DenseTOPS: 2_250,
      dieAreaMm2: 800, interconnectGBps: 900, hbmStacksPerPackage: 4, specsReported: true,
      source: "IFP via techinformed.com/?p=37175 (≈ ½ B300; reported, not published)"),
    ChipSKU(
      id: "B40", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 275, int8DenseTOPS: 550,
      dieAreaMm2: 750, interconnectGBps: 128, hbmStacksPerPackage: 0, specsReported: true,
      source: "RTX Pro 6000D / B40 (GB202, GDDR7 1.7-1.8 TB/s, no NVLink): below 3A090 by design (domain.md §2); FLOPS not disclosed, set at TPP 4,400 so PD 5.87 stays under 5.92 on GB202's ~750 mm² [J]"),
    ChipSKU(
      id: "RTX4090", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 165.2, int8DenseTOPS: 660.6,
      dieAreaMm2: 608, interconnectGBps: 64, hbmStacksPerPackage: 0, market: .consumer,
      source: "waredb.com, gigagpu.com: BF16 dense 165.2 TF with FP32 accumulate, FP8 660.6 (TPP 5,285); AD102 608 mm² (domain.md §9.1)"),
    ChipSKU(
      id: "RTX4090D", vendor: "Nvidia", origin: .foreign, fp16DenseTFLOPS: 147.1, int8DenseTOPS: 588.4,
      dieAreaMm2: 608, interconnectGBps: 64, hbmStacksPerPackage: 0, market: .consumer,
      source: "hmc-tech.com: BF16 dense 147.1 TF with FP32 accumulate, FP8 588 (TPP 4,707, tomshw.it 2024-04-04); 114 of 144 SMs (domain.md §9.1)"),
    ChipSKU(
      id: "Ascend910", vendor: "Huawei", origin: .domestic, fp16DenseTFLOPS: 256,
      int8DenseTOPS: 512, dieAreaMm2: 456, interconnectGBps: 240, hbmStacksPerPackage: 4,
      source: "vengineer.hatenablog.com 2019/09/06; bytefeed.ai (TSMC N7+, 2019; not produced in China)"),
    ChipSKU(
      id: "Ascend910B", vendor: "Huawei", origin: .domestic, fp16DenseTFLOPS: 320,
      int8DenseTOPS: 640, dieAreaMm2: 665.6, interconnectGBps: 392, hbmStacksPerPackage: 4,
      computeDie: "Ascend910",
      source: "nomusica.com; ai.gitee.com (910B 280–376 TF, commonly 320; not the 910's 256)"),
    ChipSKU(
      id: "Ascend910C", vendor: "Huawei", origin: .domestic, fp16DenseTFLOPS: 780,
      int8DenseTOPS: 1_560, dieAreaMm2: 1_331.2, interconnectGBps: 784, diesPerPackage: 2,
      hbmStacksPerPackage: 8, computeDie: "Ascend910",
      source: "The Register 2025-07-29 (752 TF) to besthub.dev (~780–800 TF); 2 × 665.6 mm² 910B-class dies, 8 HBM2E stacks"),
    ChipSKU(
      id: "Ascend950PR", vendor: "Huawei", origin: .domestic, fp16DenseTFLOPS: 500,
      int8DenseTOPS: 1_000, dieAreaMm2: 665.6, interconnectGBps: 2_000, hbmStacksPerPackage: 4,
      computeDie: "Ascend950", specsReported: true,
      source: "rcrwireless.com 2025-09-22 (FP8 1 PF announced; FP16 assumed ½); 4 stacks of Huawei HiBL (domain.md §9.7 [J]); die area assumed as 910B"),
    ChipSKU(
      id: "MLU590", vendor: "Cambricon", origin: .domestic, fp16DenseTFLOPS: 250, int8DenseTOPS: 500,
      dieAreaMm2: 600, interconnectGBps: 0, hbmStacksPerPackage: 4, computeDie: "MLU590",
      specsReported: true,
      source: "Siyuan 590 ≈ 80% of an A100 (techradar via infosunrise.com) ⇒ ~250 TF FP16 [D]; 4 HBM stacks [J]; no die size published, 600 mm² [J] (domain.md §9.6)"),
  ]

  /// The SKU with the given id, or nil.
  public static func sku(_ id: String) -> ChipSKU? { standard.first { $0.id == id } }
}
