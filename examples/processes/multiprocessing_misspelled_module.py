"""The seed note writes `multprocessing`: Python has no module of that name."""

# fails-with: ModuleNotFoundError: No module named 'multprocessing'

import multprocessing

print(multprocessing.Process)
