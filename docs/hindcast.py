"""Compares a hindcast-2024 run with domain.md's validation targets V1, V3, V4 and V9.

Usage (from the repository root):
    policysim run Scenarios/hindcast-2024.json --runs 2000 --per-run --out /tmp/hind --quiet
    python3 docs/hindcast.py /tmp/hind
Annual totals are summed per replication from runs.csv, then summarised across replications.
"""
import sys
import csv, collections
runs=collections.defaultdict(lambda: collections.defaultdict(float))
for r in csv.DictReader(open(sys.argv[1] + '/runs.csv')):
    run=int(r['run']); d=r['date']; m=r['metric']; v=float(r['value'])
    if m in('legal_import_units','gray_arrived_units','gray_seized_units','domestic_packages'):
        runs[run][(m,d[:4])]+=v
    if d=='2026-01-31' and m.startswith('capacity_h100e'):
        runs[run][(m,d)]=v
def q(vals):
    vals=sorted(vals); n=len(vals); f=lambda p: vals[round(p*(n-1))]
    return "median %.0fk [90%%: %.0fk, %.0fk]"%(f(.5)/1e3,f(.05)/1e3,f(.95)/1e3)
R=list(runs)
print('V1 H20 legal imports 2024 (units):', q([runs[r][('legal_import_units','2024')] for r in R]))
print('V3 smuggled 2024 (arrived+seized units):', q([runs[r][('gray_arrived_units','2024')]+runs[r][('gray_seized_units','2024')] for r in R]))
print('V4 domestic packages 2025:', q([runs[r][('domestic_packages','2025')] for r in R]))
print('    domestic packages 2024:', q([runs[r][('domestic_packages','2024')] for r in R]))
print('V9 capacity H100e Jan 2026 excl. gray:', q([runs[r][('capacity_h100e','2026-01-31')]-runs[r][('capacity_h100e_gray','2026-01-31')] for r in R]))
print('   capacity H100e Jan 2026 incl. gray:', q([runs[r][('capacity_h100e','2026-01-31')] for r in R]))
print('   of which domestic:', q([runs[r][('capacity_h100e_domestic','2026-01-31')] for r in R]))
