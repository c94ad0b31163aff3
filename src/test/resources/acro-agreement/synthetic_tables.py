"""Writes the synthetic-data tables of ACRO's test/test_tables_syntheticdata.py as pandas' to_csv would.

Provenance: AI-SDC/ACRO, test/test_tables_syntheticdata.py at commit a483ee29aad48c9e833fc5d9f679ae431f9ab00f.
The records are the test's SyntheticData class (every A/B/C combination of four variables, 11 records
with depvar 0..10, or 5 records with depvar 0..4 where indvar1 == indvar3 == indvar4 == "C"). pandas is
not installed here, so the crosstab / pivot_table is computed with the standard library and written in
pandas' CSV layout (one header row per column level, then the index-name row; ints stay ints, a column
holding NaN becomes float and NaN is written empty). Run: python3 synthetic_tables.py
"""
import statistics
from collections import defaultdict

L = ["A", "B", "C"]


def records():
    out = []
    for a in L:
        for b in L:
            for c in L:
                for d in L:
                    n = 5 if a == c == d == "C" else 11
                    out += [(a, b, c, d, r) for r in range(n)]
    return out


ALL = records()
unsafe_1d = [r for r in ALL if r[3] == "C" and r[2] == "C" and r[1] == "C"]
unsafe_2d = [r for r in ALL if r[3] == "C" and r[2] == "C"]
safe_2d = [r for r in unsafe_2d if r[0] != "C"]
unsafe_3d = [r for r in ALL if r[3] == "C"]
safe_3d = [r for r in unsafe_3d if not (r[0] == "C" and r[2] == "C")]
safe_4d = [r for r in ALL if not (r[0] == "C" and r[2] == "C" and r[3] == "C")]


def dominance_data():
    data = [list(r) for r in ALL]
    idx = [i for i, r in enumerate(data) if r[0] == r[1] == r[2] == r[3] == "C"][-1]
    data[idx][4] = 10000
    return [tuple(r) for r in data]


def fmt(v, as_float):
    if v is None:
        return ""
    return repr(float(v)) if as_float else str(v)


def table(data, rows, cols, agg, margins, row_levels, col_levels):
    """rows/cols: lists of level indexes; agg: function of a list of depvar values (None when empty)."""
    groups = defaultdict(list)
    for r in data:
        groups[(tuple(r[i] for i in rows), tuple(r[i] for i in cols))].append(r[4])
    rkeys = [k for k in product(row_levels)]
    ckeys = [k for k in product(col_levels)]
    grid = []
    for rk in rkeys:
        line = [agg(groups.get((rk, ck), [])) for ck in ckeys]
        if margins:
            line.append(agg([v for ck in ckeys for v in groups.get((rk, ck), [])]))
        grid.append((rk, line))
    if margins:
        line = [agg([v for rk in rkeys for v in groups.get((rk, ck), [])]) for ck in ckeys]
        line.append(agg([r[4] for r in data]))
        grid.append((("All",) + ("",) * (len(rows) - 1), line))
        ckeys = ckeys + [("All",) + ("",) * (len(cols) - 1)]
    return grid, ckeys


def product(levels):
    out = [()]
    for lv in levels:
        out = [o + (x,) for o in out for x in lv]
    return out


def write(name, index_names, col_names, blocks):
    """blocks: list of (top-level label or None, grid, ckeys); pandas' to_csv layout."""
    cols = [(top, ck) for top, grid, ckeys in blocks for ck in ckeys]
    nrows = len(blocks[0][1])
    values = [[] for _ in range(nrows)]
    labels = [blocks[0][1][i][0] for i in range(nrows)]
    for top, grid, ckeys in blocks:
        for i, (rk, line) in enumerate(grid):
            values[i] += line
    floats = []
    for j in range(len(cols)):
        col = [values[i][j] for i in range(nrows)]
        floats.append(any(v is None or isinstance(v, float) for v in col))
    header = []
    levels = ([("top", None)] if blocks[0][0] is not None else []) + [("level", n) for n in col_names]
    multi = len(levels) > 1
    if not levels:
        header.append(list(index_names) + [ck[0] for _, ck in cols])
    for li, (kind, lname) in enumerate(levels):
        if not multi:
            line = list(index_names)
        else:
            line = [lname or ""] + [""] * (len(index_names) - 1)
        for top, ck in cols:
            if kind == "top":
                line.append(top)
            else:
                line.append(ck[li - (1 if blocks[0][0] is not None else 0)])
        header.append(line)
    if multi:
        header.append(list(index_names) + [""] * len(cols))
    with open(name, "w", encoding="utf-8", newline="") as f:
        for h in header:
            f.write(",".join(h) + "\n")
        for i in range(nrows):
            f.write(",".join(list(labels[i]) + [fmt(v, floats[j]) for j, v in enumerate(values[i])]) + "\n")


def count(vs):
    return len(vs)


def count_or_nan(vs):
    return len(vs) if vs else None


def mean(vs):
    return statistics.fmean(vs) if vs else None


def total(vs):
    return sum(vs) if vs else None


def std(vs):
    return statistics.stdev(vs) if len(vs) > 1 else None


def mode(vs):
    return statistics.mode(vs) if vs else None


def suppressed(grid, zero_is_empty=True):
    return [(rk, [None if v == 0 else v for v in line]) for rk, line in grid]


# 1D pivot_table(index="indvar1", columns=[], values="depvar", aggfunc="count", margins=True)
g, _ = table(unsafe_1d, [0], [], count, True, [L], [])
g = [(rk, [line[-1]]) for rk, line in g]
write("synthetic_1d_pivot_count_unsafe.csv", ["indvar1"], [], [(None, g, [("depvar",)])])

# 2D crosstab(indvar1, indvar2, values=depvar, aggfunc="count", margins=True): unsafe, and ACRO's
# suppressed output (the safe data's table, zeros made NaN, margins from the safe data)
g, ck = table(unsafe_2d, [0], [1], count, True, [L], [L])
write("synthetic_2d_crosstab_count_unsafe.csv", ["indvar1"], ["indvar2"], [(None, g, ck)])
g, ck = table(safe_2d, [0], [1], count, True, [L], [L])
write("synthetic_2d_crosstab_count_acro_suppressed.csv", ["indvar1"], ["indvar2"], [(None, suppressed(g), ck)])

# 3D crosstab([indvar1, indvar2], indvar3, count, margins=True)
g, ck = table(unsafe_3d, [0, 1], [2], count, True, [L, L], [L])
write("synthetic_3d_crosstab_count_unsafe.csv", ["indvar1", "indvar2"], ["indvar3"], [(None, g, ck)])
g, ck = table(safe_3d, [0, 1], [2], count, True, [L, L], [L])
write("synthetic_3d_crosstab_count_acro_suppressed.csv", ["indvar1", "indvar2"], ["indvar3"], [(None, suppressed(g), ck)])

# 4D crosstab([indvar1, indvar2], [indvar3, indvar4], count, margins=True)
g, ck = table(ALL, [0, 1], [2, 3], count, True, [L, L], [L, L])
write("synthetic_4d_crosstab_count_unsafe.csv", ["indvar1", "indvar2"], ["indvar3", "indvar4"], [(None, g, ck)])
g, ck = table(safe_4d, [0, 1], [2, 3], count, True, [L, L], [L, L])
write("synthetic_4d_crosstab_count_acro_suppressed.csv", ["indvar1", "indvar2"], ["indvar3", "indvar4"], [(None, suppressed(g), ck)])

# 3D pivot_table([indvar1, indvar2], indvar3, aggfunc=["count", "mean"], margins=True)
gc, ck = table(unsafe_3d, [0, 1], [2], count, True, [L, L], [L])
gm, _ = table(unsafe_3d, [0, 1], [2], mean, True, [L, L], [L])
write("synthetic_3d_pivot_count_mean_unsafe.csv", ["indvar1", "indvar2"], ["indvar3"], [("count", gc, ck), ("mean", gm, ck)])

# 2D safe data with duplicates (8 -> 9), indvar1 in A, B: every aggfunc passes ACRO
safe_dups = [r[:4] + (9 if r[4] == 8 else r[4],) for r in safe_2d]
for name, fn in [("count", count), ("sum", total), ("mean", mean), ("std", std), ("mode", mode)]:
    g, ck = table(safe_dups, [0], [1], fn, False, [["A", "B"]], [L])
    write(f"synthetic_2d_safe_crosstab_{name}.csv", ["indvar1"], ["indvar2"], [(None, g, ck)])
    write(f"synthetic_2d_safe_pivot_{name}.csv", ["indvar1"], ["indvar2"], [("depvar", g, ck)])

# dominance: crosstab(indvar1, indvar2, values=depvar, aggfunc="sum") with one record set to 10000
g, ck = table(dominance_data(), [0], [1], total, False, [L], [L])
write("synthetic_2d_dominance_crosstab_sum.csv", ["indvar1"], ["indvar2"], [(None, g, ck)])
# pivot_table(index=["indvar1"], columns=["indvar2"], values=["depvar"], aggfunc="sum"), same data
write("synthetic_2d_dominance_pivot_sum.csv", ["indvar1"], ["indvar2"], [("depvar", g, ck)])
