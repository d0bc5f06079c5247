# Merges the Cobertura reports of every test project (each covers the assemblies it loads) into one line per assembly:
# a line counts as covered when any project's tests ran it; a branch point's covered branches are the most any project
# covered. Usage: awk -f coverage.awk coverage.cobertura.*.xml
# Each report names files relative to its one <source> folder (the common root of what it covers): join the two.
FNR == 1 { source = "" }
/<source>/ {
  source = $0; sub(/.*<source>/, "", source); sub(/<\/source>.*/, "", source)
}
/<package / {
  match($0, /name="[^"]*"/); package = substr($0, RSTART + 6, RLENGTH - 7)
}
/<class / {
  match($0, /filename="[^"]*"/); file = source substr($0, RSTART + 10, RLENGTH - 11)
}
/<line number=/ {
  match($0, /number="[0-9]+"/); number = substr($0, RSTART + 8, RLENGTH - 9)
  match($0, /hits="[0-9]+"/); hits = substr($0, RSTART + 6, RLENGTH - 7) + 0
  key = package SUBSEP file SUBSEP number
  if (!(key in seen)) { seen[key] = 1; lines[package]++ }
  if (hits > 0 && !(key in hit)) { hit[key] = 1; covered[package]++ }
  if (match($0, /condition-coverage="[0-9.,]+% \([0-9]+\/[0-9]+\)"/)) {
    split(substr($0, RSTART, RLENGTH), parts, /[(\/)]/)
    taken = parts[2] + 0; total = parts[3] + 0
    if (total > branches[key]) { branchTotal[package] += total - branches[key]; branches[key] = total }
    if (taken > branchesTaken[key]) { branchCovered[package] += taken - branchesTaken[key]; branchesTaken[key] = taken }
  }
}
END {
  for (p in lines) {
    printf "coverage %-22s lines %5.1f %% (%d/%d)  branches %5.1f %% (%d/%d)\n", p,
      100 * covered[p] / lines[p], covered[p], lines[p],
      branchTotal[p] ? 100 * branchCovered[p] / branchTotal[p] : 100, branchCovered[p], branchTotal[p] | "LC_ALL=C sort"
  }
}
