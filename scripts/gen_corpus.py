#!/usr/bin/env python3
"""Synthetic pre-extracted corpus for benchmarks: events as JSON Lines (docs/event-schema.md).

    scripts/gen_corpus.py --events 1000000 --actors 20000 --out /tmp/corpus.jsonl [--files 8]

Documents hold 10 events each; one event in ten re-reports an earlier one (another document,
same type, participants and day) so that ingest exercises merging. Deterministic (--seed).
"""
import argparse, json, random, datetime, os

TYPES = [("meeting", "040"), ("visit", "042"), ("phone_call", "041"), ("negotiation", "046"),
         ("statement", "010"), ("agreement", "057"), ("appeal", "020")]
FIRST = ["Igor", "Madeleine", "Tony", "Ehud", "Mahmoud", "Condoleezza", "Hosni", "Saud", "Hafez", "Sergei",
         "Javier", "Kofi", "Joschka", "Robin", "Yasser", "Shimon", "Amr", "Lamberto", "Hubert", "Jack"]
COUNTRIES = ["USA", "RUS", "GBR", "FRA", "DEU", "ISR", "PSE", "EGY", "SAU", "SYR", "CHN", "JPN", "IND", "BRA"]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--actors", type=int, default=20000)
    ap.add_argument("--out", required=True, help="file, or a folder when --files > 1")
    ap.add_argument("--files", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--prefix", default="doc",
                    help="document names; another prefix (and --seed) makes a corpus to add to one")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    actors = [(f"{FIRST[i % len(FIRST)]} Surname{i:05d}", COUNTRIES[i % len(COUNTRIES)]) for i in range(a.actors)]
    # A few actors are much busier than the rest, as in the news.
    weights = [1.0 / (1 + i) ** 0.6 for i in range(a.actors)]
    cum = []
    t = 0.0
    for w in weights:
        t += w
        cum.append(t)
    import bisect
    def pick():
        return bisect.bisect_left(cum, rnd.random() * t)
    base = datetime.date(2000, 1, 1)
    outs = []
    if a.files > 1:
        os.makedirs(a.out, exist_ok=True)
        outs = [open(os.path.join(a.out, f"part-{k:03d}.jsonl"), "w") for k in range(a.files)]
    else:
        outs = [open(a.out, "w")]
    recent = []
    per_doc = 10
    for n in range(a.events):
        doc = n // per_doc
        out = outs[doc % len(outs)]
        if recent and rnd.random() < 0.1:
            typ, who, day = rnd.choice(recent)  # a re-report of a recent event
        else:
            typ = rnd.choice(TYPES)
            k = 1 if typ[0] == "statement" else rnd.choice([2, 2, 2, 3])
            who = []
            while len(who) < k:
                i = pick()
                if i not in who:
                    who.append(i)
            day = base + datetime.timedelta(days=rnd.randrange(7300))
            recent.append((typ, who, day))
            if len(recent) > 1000:
                recent.pop(0)
        d = day.isoformat()
        names = [actors[i][0] for i in who]
        ev = {"id": f"{n:016x}", "type": typ[0], "cameo": typ[1], "status": "occurred",
              "date": {"first": d, "last": d, "granularity": "day", "expression": day.strftime("%B %d")},
              "participants": [{"name": actors[i][0], "kind": "person", "country": actors[i][1],
                                "title": "Foreign Minister", "role": "source" if j == 0 else "target"}
                               for j, i in enumerate(who)],
              "location": None,
              "evidence": {"document": f"{a.prefix}{doc:07d}.txt",
                           "sentence": f"{' and '.join(names)} held talks on {day.strftime('%B %d, %Y')}.",
                           "begin": 0, "end": 80},
              "sources": [f"{a.prefix}{doc:07d}.txt"], "confidence": 0.8}
        out.write(json.dumps(ev, separators=(",", ":")) + "\n")
    for o in outs:
        o.close()

if __name__ == "__main__":
    main()
