"""Trains the network of the workbench run @@RUN@@ again, as a plain PyTorch loop.

It is the run's recipe, not its result: training starts from fresh weights (PyTorch's own
initialisation, seeded with SEED), on the same data, split, seed and hyperparameters as the
workbench used. The trained weights of the run itself are in model.pt; to continue from them
instead, pass --resume-from model.pt.

    python3 train.py                 # the run's epochs; writes trained.pt
    python3 train.py --epochs 1      # a quick look
    python3 train.py --data PATH     # the data set somewhere else

The figures come close to the workbench's, not to the last digit: the two draw the batch order
and the starting weights from different random generators.
"""

import argparse
import math
import os
import sys

import torch
import torch.nn.functional as F

import data
from model import CLASSES, Net

# @@SETTINGS@@


def learning_rate_at(epoch, batch=1, batches_per_epoch=1):
    """The rate of batch `batch` (counting from 1) of epoch `epoch` (counting from 0), by the
    workbench's formula. Every schedule but one-cycle sets it once per epoch, as the workbench
    does; one-cycle is PyTorch's OneCycleLR (cosine, 30 % warm-up, divisors 25 and 1e4) without
    its momentum cycle, over all the run's batches."""
    if SCHEDULE == "step":
        return LEARNING_RATE * 0.1 ** (epoch // max(1, STEP_EPOCHS))
    if SCHEDULE == "cosine":
        return LEARNING_RATE * (1 + math.cos(math.pi * epoch / max(1, EPOCHS))) / 2
    if SCHEDULE == "decay":
        return LEARNING_RATE / (1 + DECAY_RATE * epoch)
    if SCHEDULE == "one_cycle":
        total = max(1, EPOCHS) * max(1, batches_per_epoch)
        step = epoch * batches_per_epoch + (batch - 1)
        start = LEARNING_RATE / 25
        end = start / 1e4
        peak = 0.3 * total - 1

        def annealed(begin, finish, share):
            share = min(1.0, max(0.0, share))
            return finish + (begin - finish) / 2 * (math.cos(math.pi * share) + 1)

        if step <= peak:
            return annealed(start, LEARNING_RATE, 1.0 if peak <= 0 else step / peak)
        last = total - 1
        return annealed(LEARNING_RATE, end, 1.0 if last <= peak else (step - peak) / (last - peak))
    return LEARNING_RATE  # fixed


def make_optimizer(parameters):
    """The workbench's optimizer with its constants. Weight decay is added to the gradient
    (L2), as there."""
    if OPTIMIZER == "adam":
        # The workbench (DJL) folds Adam's bias correction into the rate, so its epsilon is
        # scaled slightly differently: the updates agree to within that epsilon.
        return torch.optim.Adam(parameters, lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8,
                                weight_decay=WEIGHT_DECAY)
    if OPTIMIZER == "momentum":
        return torch.optim.SGD(parameters, lr=LEARNING_RATE, momentum=0.9,
                               weight_decay=WEIGHT_DECAY)
    if OPTIMIZER == "nesterov":
        return torch.optim.SGD(parameters, lr=LEARNING_RATE, momentum=0.9, nesterov=True,
                               weight_decay=WEIGHT_DECAY)
    if OPTIMIZER == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=LEARNING_RATE, alpha=0.99, eps=1e-8,
                                   weight_decay=WEIGHT_DECAY)
    if OPTIMIZER == "adagrad":
        return torch.optim.Adagrad(parameters, lr=LEARNING_RATE, eps=1e-10,
                                   weight_decay=WEIGHT_DECAY)
    return torch.optim.SGD(parameters, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)


def loss_of(logits, y):
    """The batch's mean loss, as the workbench computes it."""
    if SIGMOID:  # one output unit: the probability of class 1
        z = logits.reshape(-1)
        if LOSS == "squared-error":
            return 0.5 * ((torch.sigmoid(z) - y.float()) ** 2).mean()
        return F.binary_cross_entropy_with_logits(z, y.float())
    if LOSS == "squared-error":  # 1/2 * sum over classes of (p - one-hot)^2
        one_hot = F.one_hot(y, logits.shape[1]).float()
        return 0.5 * ((torch.softmax(logits, 1) - one_hot) ** 2).sum(1).mean()
    return F.cross_entropy(logits, y)


def correct_in(logits, y):
    predicted = (logits.reshape(-1) > 0).long() if SIGMOID else logits.argmax(1)
    return int((predicted == y).sum())


def evaluate(model, x, y):
    """Mean loss and accuracy over (x, y) without training: eval mode (dropout off, batch norm
    on its running statistics), no gradients."""
    model.eval()
    loss_sum, correct = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(y), 256):
            xb = data.to_tensor(x[start:start + 256])
            yb = torch.from_numpy(y[start:start + 256])
            logits = model(xb)
            loss_sum += float(loss_of(logits, yb)) * len(yb)
            correct += correct_in(logits, yb)
    return loss_sum / max(1, len(y)), correct / max(1, len(y))


def main():
    global EPOCHS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="default: the run's")
    parser.add_argument("--data", default=DATA, help="the data set (default: %(default)s)")
    parser.add_argument("--out", default="trained.pt", help="where to save the trained "
                        "state_dict (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=SEED, help="default: the run's")
    parser.add_argument("--resume-from", metavar="FILE", help="start from these weights (e.g. "
                        "model.pt) instead of fresh ones")
    parser.add_argument("--overwrite-model", action="store_true",
                        help="allow --out to replace the exported model.pt")
    args = parser.parse_args()
    if args.epochs < 1:
        data.fail("--epochs must be at least 1")
    here = os.path.dirname(os.path.abspath(__file__))
    if (os.path.abspath(args.out) == os.path.join(here, "model.pt")
            and not args.overwrite_model):
        data.fail("--out model.pt would replace the run's exported weights; name another "
                 "file, or add --overwrite-model")
    EPOCHS = args.epochs  # the cosine schedule spans the epochs trained
    torch.manual_seed(args.seed)

    try:
        loaded = data.load(args.data, LABEL_COLUMN, TABLE_CLASSES)
    except (data.DataError, OSError) as e:
        data.fail("%s" % e)
    (train_x, train_y), (val_x, val_y), (test_x, test_y) = data.splits(
        loaded, TRAIN_SUBSET, VALIDATION_SHARE, args.seed)
    print("data: %s: %d training, %d validation, %d test samples"
          % (args.data, len(train_y), len(val_y), len(test_y)))
    if args.seed == SEED and (len(train_y), len(val_y), len(test_y)) != RUN_SPLIT_SIZES:
        print("note: the workbench's run had %d / %d / %d samples: is this the same data?"
              % RUN_SPLIT_SIZES)

    model = Net()
    if args.resume_from:
        model.load_state_dict(torch.load(args.resume_from, map_location="cpu"))
        print("starting from the weights in %s" % args.resume_from)
    else:
        print("starting from fresh weights (PyTorch's initialisation, seed %d)" % args.seed)
    optimizer = make_optimizer(model.parameters())
    shuffle = torch.Generator().manual_seed(args.seed)
    augmenter = None
    if AUGMENTATION is not None:
        import augment
        augmenter = augment.Augmenter(AUGMENTATION, args.seed * 31 + 17)

    best_loss, best_epoch, best_state = math.inf, 0, None
    for epoch in range(1, EPOCHS + 1):
        rate = learning_rate_at(epoch - 1)
        for group in optimizer.param_groups:
            group["lr"] = rate
        model.train()
        order = torch.randperm(len(train_y), generator=shuffle).numpy()
        loss_sum, correct = 0.0, 0
        batches = (len(order) + BATCH_SIZE - 1) // BATCH_SIZE
        for start in range(0, len(order), BATCH_SIZE):  # the last batch may be shorter
            if SCHEDULE == "one_cycle":
                rate = learning_rate_at(epoch - 1, start // BATCH_SIZE + 1, batches)
                for group in optimizer.param_groups:
                    group["lr"] = rate
            pick = order[start:start + BATCH_SIZE]
            xb = data.to_tensor(train_x[pick])
            yb = torch.from_numpy(train_y[pick])
            if augmenter is not None:
                xb = augmenter(xb)
            optimizer.zero_grad()
            logits = model(xb)
            loss = loss_of(logits, yb)
            if not torch.isfinite(loss):
                data.fail("the loss became %s in epoch %d: lower the learning rate"
                         % (float(loss), epoch))
            loss.backward()
            optimizer.step()
            loss_sum += float(loss) * len(pick)
            correct += correct_in(logits, yb)
        val_loss, val_accuracy = evaluate(model, val_x, val_y) if len(val_y) else (math.nan,) * 2
        print("epoch %d/%d: loss %.4f, accuracy %.2f%%, validation loss %.4f, validation "
              "accuracy %.2f%%, learning rate %.3g"
              % (epoch, EPOCHS, loss_sum / len(order), 100 * correct / len(order), val_loss,
                 100 * val_accuracy, rate), flush=True)
        if PATIENCE > 0 and not math.isnan(val_loss):
            # early stopping as the workbench: keep the epoch of the lowest validation loss
            if best_state is None or val_loss < best_loss:
                best_loss, best_epoch = val_loss, epoch
                best_state = {k: v.clone() for k, v in model.state_dict().items()}
            elif epoch - best_epoch >= PATIENCE and epoch < EPOCHS:
                print("stopping early: no lower validation loss for %d epochs" % PATIENCE)
                break
    if best_state is not None and best_epoch != epoch:
        print("keeping the weights of epoch %d (lowest validation loss)" % best_epoch)
        model.load_state_dict(best_state)

    test_loss, test_accuracy = evaluate(model, test_x, test_y)
    print("test accuracy %.2f%% (loss %.4f) on %d images; the workbench's run had %.2f%%"
          % (100 * test_accuracy, test_loss, len(test_y), 100 * RUN_TEST_ACCURACY))
    torch.save(model.state_dict(), args.out)
    print("saved the trained weights to %s" % args.out)


if __name__ == "__main__":
    main()
