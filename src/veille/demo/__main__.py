"""Write the demo corpus without a case: `python -m veille.demo OUT_DIR [--seed 7] [--scale 1.0]`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from veille.demo import generate


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m veille.demo", description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()
    print(json.dumps(generate(args.out_dir, seed=args.seed, scale=args.scale), indent=1))


if __name__ == "__main__":
    main()
