"""Tests the trained network of the workbench run @@RUN@@ in PyTorch.

Loads model.pt (the run's own trained weights) into model.Net and prints the test accuracy and
the confusion matrix on the run's test split: the same figures the workbench shows for the run.

    python3 evaluate.py                          # model.pt on the run's test split
    python3 evaluate.py --weights trained.pt     # what train.py trained
    python3 evaluate.py --predictions p.csv      # also each image's class probabilities
    python3 evaluate.py --data PATH              # the data set somewhere else
"""

import argparse
import sys

import numpy as np
import torch

import data
from model import CLASSES, Net

# @@SETTINGS@@


def predict(model, x):
    """Class probabilities of every sample, in batches: eval mode (dropout off, batch norm on
    its running statistics), no gradients."""
    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(x), 256):
            out.append(model.probabilities(data.to_tensor(x[start:start + 256])).numpy())
    return np.concatenate(out)


def print_confusion(actual, predicted):
    """Rows: the true class; columns: the predicted class (as the workbench shows it)."""
    k = len(CLASSES)
    matrix = np.zeros((k, k), np.int64)
    np.add.at(matrix, (actual, predicted), 1)
    width = max(6, max(len(str(c)) for c in CLASSES) + 1, len(str(matrix.max())) + 1)
    print("confusion matrix (rows: true class, columns: predicted class)")
    print(" " * width + "".join(str(c)[:width - 1].rjust(width) for c in CLASSES))
    for i, name in enumerate(CLASSES):
        print(str(name)[:width - 1].ljust(width) + "".join(str(v).rjust(width)
                                                            for v in matrix[i]))


def write_predictions(path, actual, predicted, probabilities):
    """index,actual,predicted,p0..pK-1 per test sample, as the run's predictions.csv."""
    with open(path, "w") as f:
        f.write("index,actual,predicted," + ",".join("p%d" % i for i in range(
            probabilities.shape[1])) + "\n")
        for i in range(len(actual)):
            f.write("%d,%d,%d,%s\n" % (i, actual[i], predicted[i],
                                       ",".join(repr(float(p)) for p in probabilities[i])))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", default="model.pt", help="state_dict to test "
                        "(default: %(default)s)")
    parser.add_argument("--data", default=DATA, help="the data set (default: %(default)s)")
    parser.add_argument("--predictions", metavar="FILE.csv",
                        help="also write each test sample's probabilities")
    args = parser.parse_args()

    model = Net()
    try:
        state = torch.load(args.weights, map_location="cpu")
    except FileNotFoundError:
        data.fail("no weights at %s; pass --weights FILE" % args.weights)
    model.load_state_dict(state)
    try:
        loaded = data.load(args.data, LABEL_COLUMN, TABLE_CLASSES, test_only=True)
    except (data.DataError, OSError) as e:
        data.fail("%s" % e)
    test_x, test_y = loaded.test_x, loaded.test_y
    probabilities = predict(model, test_x)
    predicted = probabilities.argmax(1)
    accuracy = float((predicted == test_y).mean())
    print("test accuracy %.2f%% on %d images (the workbench's run: %.2f%%)"
          % (100 * accuracy, len(test_y), 100 * RUN_TEST_ACCURACY))
    print_confusion(test_y, predicted)
    if args.predictions:
        write_predictions(args.predictions, test_y, predicted, probabilities)
        print("wrote %s" % args.predictions)


if __name__ == "__main__":
    main()
