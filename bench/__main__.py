"""`make bench`: build the bench database, serve it, time and count everything, print the tables and the summary.

python -m bench [--anyway] [--max-load 1.5] [--reuse-data] [--quick] ...   (see --help and bench/README.md)
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from deploy.check import stack

from . import environment, serving
from .guard import BusyMachine, LoadGuard
from .printing import print_section, print_summary
from .results import Results

SECTIONS = ("queries", "pages", "papers", "import", "load")


def arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--anyway", action="store_true", help="time even on a busy machine, printing its load")
    parser.add_argument("--max-load", type=float, default=1.5, help="the load average above which not to time")
    parser.add_argument("--reuse-data", action="store_true", help="keep the bench database of the last run")
    parser.add_argument("--runs", type=int, default=15, help="timed requests a page (default 15)")
    parser.add_argument("--load-seconds", type=int, default=75, help="measured seconds a load stage (default 75)")
    parser.add_argument("--load-plan", type=int, default=200, choices=(5, 200, 1000), help="the load test's plan")
    parser.add_argument("--skip-load", action="store_true", help="no load test")
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"the sections to run, of {','.join(SECTIONS)} (default all)"
    )
    parser.add_argument("--skip-big-papers", action="store_true", help="no PDF and Word of 1,000 actions")
    parser.add_argument("--import-rows", type=int, default=1000, help="rows of the import file (default 1,000)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--quick", action="store_true", help="5 runs a page, 20 s a load stage, no big papers")
    options = parser.parse_args(argv)
    options.only = set(options.only.split(","))
    if options.skip_load:
        options.only.discard("load")
    if options.quick:
        options.runs, options.load_seconds, options.skip_big_papers = 5, 20, True
    return options


def main(argv=None) -> int:
    options = arguments(argv)
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="mscb-make-bench-"))
    bench = environment.bench_stack(folder, serving.ports())
    if not options.reuse_data:
        stack.fresh_database(environment.DATABASE)
    # With the deployment's settings (TASKS_BACKEND=database), so the task queue's tables are made too.
    bench.manage("migrate", "--noinput")
    environment.setup_django(bench)
    # Imported once Django is set up: they import the product's models.
    from . import data, imports, load, memory, pages, papers, queries  # noqa: PLC0415

    if options.reuse_data:
        bench_data = data.read(load_size=options.load_plan)
    else:
        bench_data = data.build(seed=options.seed, load_size=options.load_plan)
    data.analyse()
    print(f"Bench data ready in {time.monotonic() - started:.0f} s; logs in {folder}", flush=True)
    guard = LoadGuard(threshold=options.max_load, anyway=options.anyway)
    results = Results()
    shown = 0

    def show_new_sections():
        nonlocal shown
        for section in results.sections[shown:]:
            print_section(section)
        shown = len(results.sections)

    def timed(name: str, run) -> None:
        if name.split()[-1] not in options.only:
            return
        try:
            load = guard.check(name)
        except BusyMachine as refused:
            results.section(name, ["refused"]).notes.append(str(refused))
        else:
            run(load)
        show_new_sections()

    try:
        served = serving.start(bench)
        if "queries" in options.only:
            queries.count_queries(bench_data, results)
            show_new_sections()
        timed("the pages", lambda load: pages.time_pages(served, bench_data, results, runs=options.runs, load=load))
        sizes = [size for size in data.SIZES if not (options.skip_big_papers and size == 1000)]
        timed(
            "the papers", lambda load: papers.time_papers(served, bench_data, results, sizes=sizes, runs=5, load=load)
        )
        timed("the import", lambda load: imports.time_imports(results, rows=options.import_rows, load=load))
        if "load" in options.only:
            try:
                load.run_load(
                    served, bench_data, results, plan_size=options.load_plan, seconds=options.load_seconds, guard=guard
                )
            except BusyMachine as refused:
                results.section("the load test", ["refused"]).notes.append(str(refused))
            show_new_sections()
        memory.record_memory(results, {"gunicorn": bench.processes["app"].pid})
        show_new_sections()
    finally:
        bench.stop_all()
    from .summary import judge  # noqa: PLC0415

    summary = judge(results.figures, results.figure_loads if options.anyway else None)
    print_summary(summary)
    print(f"\nWritten to {results.write(summary)}; {time.monotonic() - started:.0f} s in all.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
