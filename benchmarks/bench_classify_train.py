"""Training time on all the shared data + seed set (what `veille train` does).

Usage: .venv/bin/python benchmarks/bench_classify_train.py
"""

from __future__ import annotations

import logging
import time


def main() -> None:
    from veille.classify.datasets import shared_data_dir
    from veille.classify.lexicon import Taxonomy
    from veille.classify.training import train

    logging.disable(logging.WARNING)
    if not shared_data_dir().exists():
        raise SystemExit(f"shared data absent at {shared_data_dir()}")
    t = time.perf_counter()
    w = train(Taxonomy.load())
    dt = time.perf_counter() - t
    print(f"trained on {w.meta['trained_on']} ({w.meta['train_rows']} weighted rows) "
          f"in {dt:.1f} s, data loading included")


if __name__ == "__main__":
    main()
