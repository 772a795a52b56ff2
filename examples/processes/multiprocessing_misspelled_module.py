"""The seed note writes `multprocessing`: Python has no module of that name."""

import multprocessing

print(multprocessing.Process)

# since 3.15: ModuleNotFoundError: No module named 'multprocessing'. Did you mean: 'multiprocessing'?

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 1, program 62af0a61):
#
# $ python examples/processes/multiprocessing_misspelled_module.py
# Traceback (most recent call last):
#   File "examples/processes/multiprocessing_misspelled_module.py", line 3, in <module>
#     import multprocessing
# ModuleNotFoundError: No module named 'multprocessing'
