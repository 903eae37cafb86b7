#!/usr/bin/env bash
# The main job: install what is missing, build, and run Parley on the sample articles in
# data/samples/, writing output/events.jsonl, output/timeline.svg and output/relations.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_BUILD_TESTS=OFF -DPARLEY_BUILD_BENCH=OFF >/dev/null
cmake --build build --target parley_cli -j "$(nproc)"
mkdir -p output
./build/parley extract data/samples/*.txt > output/events.jsonl
./build/parley timeline output/events.jsonl -o output/timeline.svg --title "Parley: the sample articles"
./build/parley graph output/events.jsonl -o output/relations.svg --title "Who met whom in the sample articles"
rm -f output/parley.db output/parley.db-wal output/parley.db-shm
./build/parley ingest --db output/parley.db data/samples/
echo "$(wc -l < output/events.jsonl) events -> output/events.jsonl, output/timeline.svg, output/relations.svg, output/parley.db"
./build/parley met Olmert --db output/parley.db
