"""With the guard, a spawn child runs the top-level code again, as __mp_main__, but not main()."""

# start-method: spawn
import multiprocessing

# Top-level code: runs in every process that loads this file.
print(f"top-level code runs: __name__ = {__name__!r}")
#> top-level code runs: __name__ = '__main__'
#> top-level code runs: __name__ = '__mp_main__'


def greet():
    print(f"greet() runs in the child: __name__ = {__name__!r}")
    #> greet() runs in the child: __name__ = '__mp_main__'


def main():
    print(f"main() runs: __name__ = {__name__!r}")
    #> main() runs: __name__ = '__main__'
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=greet)
    child.start()
    child.join()
    print(f"child exit code: {child.exitcode}")
    #> child exit code: 0


if __name__ == "__main__":
    main()
