"""Reads the run's data set exactly as Deep Network Workbench does.

Same files, same sample order, same class indices, same pixel values, same splits:

- images become float32 arrays N x C x H x W with values byte / 255 (see `to_tensor`);
  table rows stay as they are in the file (a plain workbench run does not standardise them);
- where the source has no test split of its own, the workbench draws one (20 %, seed 42,
  stratified by class): so does `load`;
- the training subset of the run (`train_subset`) and the held-out validation share
  (`stratified`) are drawn by ports of the workbench's own Java code, including
  java.util.Random, so the very same samples are picked.

Formats: MNIST-style IDX files (gzip or not), the CIFAR-10 binary release (its folder
cifar-10-batches-bin/ or the .tar.gz as downloaded), image folders train/<class>/ and
test/<class>/ (a folder, or a .tar.gz / .tgz / .tar / .zip of one; needs Pillow), and text
tables (whitespace-, comma- or semicolon-separated, one label column).

Only numpy is needed here (and Pillow for image folders); torch only in `to_tensor`.
"""

import gzip
import io
import math
import os
import re
import sys
import tarfile
import zipfile
from collections import namedtuple

import numpy as np

# A data set as read: images uint8 (N, C, H, W) or table rows float32 (N, F); labels int64.
Dataset = namedtuple("Dataset", "train_x train_y test_x test_y classes test_drawn")

# Where a source has no test split, the workbench draws this share with this seed
# (DatasetCatalog.DEFAULT_TEST_SHARE and DEFAULT_SPLIT_SEED).
DRAWN_TEST_SHARE = 0.2
DRAWN_TEST_SEED = 42

CIFAR_TRAIN_FILES = ["data_batch_%d.bin" % i for i in range(1, 6)]
CIFAR_TEST_FILE = "test_batch.bin"
CIFAR_DJL_TRAIN_FILE = "data_batch.bin"  # DJL's cache joins the five into one
CIFAR_CLASSES = ["airplane", "automobile", "bird", "cat", "deer",
                 "dog", "frog", "horse", "ship", "truck"]
CIFAR_RECORD = 1 + 3 * 32 * 32  # one label byte, then the red, green and blue planes

IDX_IMAGES_MAGIC = 0x00000803
IDX_LABELS_MAGIC = 0x00000801


class DataError(Exception):
    """The data cannot be found or read; the message is one sentence for the user."""


def fail(sentence):
    """Stops the script with `sentence` on stderr and exit code 2 (bad input or missing data)."""
    print("error: " + sentence, file=sys.stderr)
    sys.exit(2)


def missing_data(path):
    """Stops the script with one sentence and exit code 2 when `path` is not there."""
    if path is None:
        fail("the workbench did not find the run's data on this computer when it exported it; "
             "pass where it is with --data PATH (the folder or file as the workbench reads it)")
    fail("the run's data is not at %s; pass where it is with --data PATH (the folder or file "
         "as the workbench reads it)" % path)


# ------------------------------------------------------------------------- reading

def load(path, label_column=None, class_names=None, test_only=False):
    """Reads the data set at `path`, judged by its content as the workbench judges it.

    label_column: for a table, its label column (a header name, or a number counting from 1,
    -1 = the last); None guesses it as the workbench does.
    class_names: names to give a table's classes (in sorted-label order), or None.
    test_only: only the test split is needed (evaluate.py): an image folder's training images
    are then decoded only where the test images alone cannot tell grey from colour.
    """
    if path is None or not os.path.exists(path):
        missing_data(path)
    if os.path.isdir(path):
        return _load_folder(path, test_only)
    head = _head(path, 512)
    if head[:2] == b"\x1f\x8b":
        inner = gzip.open(path, "rb").read(512)
        if _idx_magic(inner) is not None:
            return _load_idx_folder(os.path.dirname(os.path.abspath(path)))
        if _cifar_archive(path):
            return _load_cifar_archive(path)
        return _load_image_archive(path, test_only)
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06") or head[257:262] == b"ustar":
        return _load_image_archive(path, test_only)
    if _idx_magic(head) is not None:
        return _load_idx_folder(os.path.dirname(os.path.abspath(path)))
    if os.path.basename(path) in CIFAR_TRAIN_FILES + [CIFAR_TEST_FILE, CIFAR_DJL_TRAIN_FILE]:
        return _load_cifar_folder(os.path.dirname(os.path.abspath(path)))
    return _load_table(path, label_column, class_names)


def _head(path, n):
    with open(path, "rb") as f:
        return f.read(n)


def _load_folder(folder, test_only=False):
    binary = os.path.join(folder, "cifar-10-batches-bin")
    if _is_cifar_folder(binary):
        return _load_cifar_folder(binary)
    if _is_cifar_folder(folder):
        return _load_cifar_folder(folder)
    if _idx_pairs(folder):
        return _load_idx_folder(folder)
    return _load_image_tree(folder, _walk(folder), test_only)


# --- IDX (MNIST, Fashion-MNIST, the MNIST sample)

def _open_maybe_gzip(path):
    with open(path, "rb") as f:
        gz = f.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gz else open(path, "rb")


def _idx_magic(head):
    if len(head) < 4:
        return None
    magic = int.from_bytes(head[:4], "big")
    return magic if magic in (IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC) else None


def _read_idx(path):
    with _open_maybe_gzip(path) as f:
        data = f.read()
    magic = int.from_bytes(data[:4], "big")
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return magic, np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def _idx_pairs(folder):
    """{images file: labels file}, paired by name as the workbench pairs them."""
    images, labels = [], []
    for name in sorted(os.listdir(folder)):
        p = os.path.join(folder, name)
        if name.startswith(".") or not os.path.isfile(p):
            continue
        try:
            with _open_maybe_gzip(p) as f:
                magic = _idx_magic(f.read(4))
        except OSError:
            continue
        if magic == IDX_IMAGES_MAGIC:
            images.append(name)
        elif magic == IDX_LABELS_MAGIC:
            labels.append(name)
    pairs = {}
    for image in images:
        wanted = image.replace("images-idx3", "labels-idx1").replace("images", "labels")
        for label in labels:
            if label == wanted or label.split(".")[0] == wanted.split(".")[0]:
                pairs[os.path.join(folder, image)] = os.path.join(folder, label)
    return pairs


def _load_idx_folder(folder):
    pairs = _idx_pairs(folder)
    if not pairs:
        raise DataError("%s holds no MNIST-style IDX image and label files" % folder)

    def is_test(p):
        return os.path.basename(p).lower().startswith(("t10k", "test"))

    tests = [p for p in pairs if is_test(p)]
    trains = [p for p in pairs if not is_test(p)]
    if not trains:
        raise DataError("%s holds only test IDX files" % folder)
    train_x, train_y = _idx_pair(trains[0], pairs[trains[0]])
    if tests:
        test_x, test_y = _idx_pair(tests[0], pairs[tests[0]])
        classes = int(max(train_y.max(), test_y.max())) + 1
        return Dataset(train_x, train_y, test_x, test_y, [str(c) for c in range(classes)], False)
    classes = [str(c) for c in range(int(train_y.max()) + 1)]
    return _drawn_test_split(train_x, train_y, classes)


def _idx_pair(images, labels):
    _, x = _read_idx(images)
    _, y = _read_idx(labels)
    return x.reshape(x.shape[0], 1, x.shape[1], x.shape[2]), y.astype(np.int64)


# --- CIFAR-10 binary

def _is_cifar_folder(folder):
    return (os.path.isfile(os.path.join(folder, CIFAR_TEST_FILE))
            and bool(_cifar_train_files(folder)))


def _cifar_train_files(folder):
    official = [os.path.join(folder, n) for n in CIFAR_TRAIN_FILES]
    if all(os.path.isfile(p) for p in official):
        return official
    djl = os.path.join(folder, CIFAR_DJL_TRAIN_FILE)
    return [djl] if os.path.isfile(djl) else []


def _cifar_records(data, where):
    if len(data) == 0 or len(data) % CIFAR_RECORD:
        raise DataError("%s is not a whole number of CIFAR-10 records (truncated?)" % where)
    records = np.frombuffer(data, np.uint8).reshape(-1, CIFAR_RECORD)
    return records[:, 1:].reshape(-1, 3, 32, 32), records[:, 0].astype(np.int64)


def _cifar_classes(text):
    names = [line.strip() for line in text.decode("utf-8").splitlines() if line.strip()]
    return names if len(names) == 10 else CIFAR_CLASSES


def _load_cifar_folder(folder):
    train = [_cifar_records(open(p, "rb").read(), p) for p in _cifar_train_files(folder)]
    test_file = os.path.join(folder, CIFAR_TEST_FILE)
    test_x, test_y = _cifar_records(open(test_file, "rb").read(), test_file)
    meta = os.path.join(folder, "batches.meta.txt")
    classes = _cifar_classes(open(meta, "rb").read()) if os.path.isfile(meta) else CIFAR_CLASSES
    return Dataset(np.concatenate([x for x, _ in train]), np.concatenate([y for _, y in train]),
                   test_x, test_y, classes, False)


def _cifar_archive(path):
    try:
        with tarfile.open(path, "r:*") as tar:
            for member in tar:
                if member.isfile():
                    base = member.name.rsplit("/", 1)[-1]
                    return base in CIFAR_TRAIN_FILES + [CIFAR_TEST_FILE, CIFAR_DJL_TRAIN_FILE,
                                                        "batches.meta.txt"]
    except (tarfile.TarError, OSError):
        return False
    return False


def _load_cifar_archive(path):
    parts, classes = {}, CIFAR_CLASSES
    with tarfile.open(path, "r:*") as tar:
        for member in tar:
            if not member.isfile():
                continue
            base = member.name.rsplit("/", 1)[-1]
            if base == "batches.meta.txt":
                classes = _cifar_classes(tar.extractfile(member).read())
            elif base in CIFAR_TRAIN_FILES + [CIFAR_TEST_FILE, CIFAR_DJL_TRAIN_FILE]:
                parts[base] = _cifar_records(tar.extractfile(member).read(), member.name)
    if CIFAR_DJL_TRAIN_FILE in parts and not all(n in parts for n in CIFAR_TRAIN_FILES):
        train = [parts[CIFAR_DJL_TRAIN_FILE]]
    else:
        missing = [n for n in CIFAR_TRAIN_FILES + [CIFAR_TEST_FILE] if n not in parts]
        if missing:
            raise DataError("%s lacks %s" % (path, ", ".join(missing)))
        train = [parts[n] for n in CIFAR_TRAIN_FILES]
    test_x, test_y = parts[CIFAR_TEST_FILE]
    return Dataset(np.concatenate([x for x, _ in train]), np.concatenate([y for _, y in train]),
                   test_x, test_y, classes, False)


# --- image folders (as the workbench's ImageFolderReader and ImageFolderLayout)

DOCUMENT_EXTENSIONS = {"txt", "md", "csv", "tsv", "json", "html", "htm", "pdf", "rst", "yaml",
                       "yml", "xml", "py", "ipynb", "sh"}


def _hidden(part):
    return (part.startswith(".") or part == "__MACOSX"
            or part.lower() in ("thumbs.db", "desktop.ini"))


def _relative(name):
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if not parts or any(_hidden(p) for p in parts):
        return None
    return "/".join(parts)


def _is_document(name):
    lower = name.lower()
    if lower.startswith(("readme", "license", "licence")):
        return True
    dot = lower.rfind(".")
    return dot > 0 and lower[dot + 1:] in DOCUMENT_EXTENSIONS


def _walk(root):
    """{relative path: a function giving its bytes} and the set of folders under `root`."""
    files, folders = {}, set()
    for here, dirs, names in os.walk(root):
        for d in dirs:
            rel = _relative(os.path.relpath(os.path.join(here, d), root))
            if rel:
                folders.add(rel)
        for n in names:
            p = os.path.join(here, n)
            rel = _relative(os.path.relpath(p, root))
            if rel:
                files[rel] = (lambda p=p: open(p, "rb").read())
    return files, folders


def _load_image_archive(path, test_only=False):
    files, folders = {}, set()
    if zipfile.is_zipfile(path):
        z = zipfile.ZipFile(path)
        for info in z.infolist():
            rel = _relative(info.filename)
            if rel is None:
                continue
            if info.is_dir():
                folders.add(rel)
            else:
                files[rel] = (lambda info=info: z.read(info))
    else:
        with tarfile.open(path, "r:*") as tar:
            for member in tar:
                rel = _relative(member.name)
                if rel is None:
                    continue
                if member.isdir():
                    folders.add(rel)
                elif member.isfile():
                    data = tar.extractfile(member).read()
                    files[rel] = (lambda data=data: data)
    for rel in list(files):
        parts = rel.split("/")
        for i in range(1, len(parts)):
            folders.add("/".join(parts[:i]))
    return _load_image_tree(path, (files, folders), test_only)


def _load_image_tree(source, walked, test_only=False):
    try:
        from PIL import Image
    except ImportError:
        fail("this data set is a folder of images, and reading them needs Pillow: "
                 "pip install pillow (Debian: apt install python3-pil)")
    files, folders = walked
    paths = sorted(files)
    prefix = _common_top([p.split("/") for p in paths])
    depth = len(prefix)
    top = sorted({f.split("/")[depth] for f in folders
                  if len(f.split("/")) == depth + 1 and f.split("/")[:depth] == prefix})
    train_name = next((n for n in top if n.lower() == "train"), None)
    test_name = next((n for n in top if n.lower() == "test"), None)
    given = train_name is not None and test_name is not None
    groups = [train_name, test_name] if given else [train_name] if train_name else [None]
    by_group = [_classes(paths, folders, prefix + ([g] if g else [])) for g in groups]
    classes = sorted(by_group[0])
    if len(classes) < 2:
        raise DataError("%s needs at least two class folders" % source)
    decoded = {}
    grey, size = True, None
    # The workbench makes the images grey (1 channel) only when every image is grey. The test
    # images go first: one colour image among them settles it without decoding the rest.
    for group in reversed(by_group) if given else by_group:
        if test_only and given and group is by_group[0] and not grey:
            break
        for members in group.values():
            for rel in members:
                image = Image.open(io.BytesIO(files[rel]()))
                planes, is_grey = _planes(image)
                if size is None:
                    size = planes.shape[1:]
                elif planes.shape[1:] != size:
                    raise DataError("%s: images differ in size (%s is %dx%d)"
                                    % (source, rel, planes.shape[2], planes.shape[1]))
                decoded[rel] = planes
                grey &= is_grey
    channels = 1 if grey else 3

    def assemble(group):
        xs, ys = [], []
        for name in sorted(group):
            for rel in group[name]:
                p = decoded[rel]
                xs.append(p[:1] if channels == 1 else (p if p.shape[0] == 3 else np.repeat(p, 3, 0)))
                ys.append(classes.index(name))
        return np.stack(xs), np.array(ys, np.int64)

    if given:
        test_x, test_y = assemble(by_group[1])
        if all(rel in decoded for members in by_group[0].values() for rel in members):
            train_x, train_y = assemble(by_group[0])
        else:
            train_x, train_y = None, None  # not decoded: only the test split was asked for
        return Dataset(train_x, train_y, test_x, test_y, classes, False)
    train_x, train_y = assemble(by_group[0])
    return _drawn_test_split(train_x, train_y, classes)


def _planes(image):
    """(C, H, W) uint8 planes and whether the image is grey, as the workbench's ImageDecoder."""
    if image.mode in ("L", "I;16", "I;16B", "I", "1"):
        a = np.asarray(image)
        if a.dtype == np.bool_:
            a = a.astype(np.uint8) * 255
        elif a.dtype != np.uint8:
            a = (a.astype(np.int64) >> 8).astype(np.uint8)  # 16-bit grey: its high byte
        return a[None, :, :], True
    a = np.asarray(image.convert("RGB")).transpose(2, 0, 1)
    if (a[0] == a[1]).all() and (a[1] == a[2]).all():
        return a[:1].copy(), True
    return a.copy(), False


def _common_top(parts_list):
    """The folders every image sits under (a single top folder is skipped), as the workbench."""
    prefix = []
    while True:
        candidate = None
        for parts in parts_list:
            if parts[:len(prefix)] != prefix:
                continue
            if len(parts) - len(prefix) < 3:
                if _is_document(parts[-1]):
                    continue
                return prefix
            if candidate is None:
                candidate = parts[len(prefix)]
            elif candidate != parts[len(prefix)]:
                return prefix
        if candidate is None or candidate.lower() in ("train", "test"):
            return prefix
        prefix.append(candidate)


def _classes(paths, folders, prefix):
    """{class folder: its image paths in name order} of one group (train, test or all)."""
    depth = len(prefix)
    out = {f.split("/")[depth]: [] for f in folders
           if len(f.split("/")) == depth + 1 and f.split("/")[:depth] == prefix}
    for rel in paths:
        parts = rel.split("/")
        if parts[:depth] != prefix:
            continue
        if len(parts) == depth + 1:
            if _is_document(parts[depth]):
                continue
            raise DataError("%s sits beside the class folders; every image must be inside the "
                            "folder of its class" % rel)
        out.setdefault(parts[depth], []).append(rel)
    return {k: v for k, v in out.items() if v}


# --- tables (as the workbench's TableReader)

LABEL_HEADER_NAMES = ["class", "label", "target", "species", "type", "y"]
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def _number(cell):
    cell = cell.strip()
    if len(cell) >= 2 and cell[0] == cell[-1] == '"':
        cell = cell[1:-1].strip()
    return float(cell) if NUMBER.match(cell) else None


def _load_table(path, label_column, class_names):
    lines = [l.strip() for l in open(path, encoding="utf-8", errors="replace")]
    rows = [l for l in lines if l and not l.startswith("#")]
    if not rows:
        raise DataError("%s holds no rows of data" % path)
    sniff = rows[:20]
    if all(";" in l for l in sniff):
        sep = ";"
    elif all("," in l for l in sniff):
        sep = ","
    else:
        sep = None  # runs of spaces and tabs

    def split(line):
        cells = line.split() if sep is None else [c.strip() for c in line.split(sep)]
        if sep == ";":
            cells = [c.replace(",", ".") if "," in c and "." not in c else c for c in cells]
        return [c[1:-1].strip() if len(c) >= 2 and c[0] == c[-1] == '"' else c for c in cells]

    first = split(rows[0])
    second = split(rows[1]) if len(rows) > 1 else []
    columns = len(first)
    words = [i for i, c in enumerate(first) if _number(c) is None]
    header = bool(words) and (len(words) == columns
                              or any(i < len(second) and _number(second[i]) is not None
                                     for i in words))
    if label_column is None:
        names = [c.lower() for c in first] if header else []
        found = [names.index(n) for n in LABEL_HEADER_NAMES if n in names]
        label = found[0] if found else columns - 1
    elif re.match(r"^-?\d+$", str(label_column)):
        n = int(label_column)
        label = columns - 1 if n == -1 else n - 1
    else:
        label = [c.lower() for c in first].index(str(label_column).lower())
    body = rows[1:] if header else rows
    values, texts = [], []
    for r in body:
        cells = split(r)
        texts.append(cells[label])
        values.append([float(c) for i, c in enumerate(cells) if i != label])
    numeric = all(_number(t) is not None for t in texts)
    keys = [_number(t) if numeric else t for t in texts]
    distinct = sorted(set(keys))
    index = {k: i for i, k in enumerate(distinct)}
    classes = class_names or [
        ("%g" % k if numeric else k) for k in distinct]
    x = np.array(values, np.float32)
    y = np.array([index[k] for k in keys], np.int64)
    # A table never has a test split of its own: the workbench draws one.
    return _drawn_test_split(x, y, list(classes))


def _drawn_test_split(x, y, classes):
    kept, held = stratified(y, len(classes), DRAWN_TEST_SHARE, DRAWN_TEST_SEED)
    return Dataset(x[kept], y[kept], x[held], y[held], classes, True)


# ------------------------------------------------------------------------- splits

class JavaRandom:
    """java.util.Random, bit for bit: the 48-bit linear congruential generator the workbench
    shuffles with, so that a seed picks the same samples here as there."""

    MULTIPLIER = 0x5DEECE66D
    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ self.MULTIPLIER) & self.MASK

    def next31(self):
        """31 random bits, as Random.next(31)."""
        self.seed = (self.seed * self.MULTIPLIER + 0xB) & self.MASK
        return self.seed >> (48 - 31)

    def next_int(self, bound):
        """A uniform int in [0, bound), as Random.nextInt(bound)."""
        if bound & -bound == bound:  # a power of two: the high bits
            return (bound * self.next31()) >> 31
        while True:
            bits = self.next31()
            value = bits % bound
            if bits - value + (bound - 1) < 1 << 31:  # Java rejects where the int overflows
                return value


def _java_round(x):
    return int(math.floor(x + 0.5))  # Math.round


def stratified(labels, class_count, share, seed):
    """A port of the workbench's DataSplitter.stratified: (kept, held_out) sample indices, each
    ascending. Held out: round(N * share) samples spread over the classes in proportion to their
    sizes (largest remainders get the odd ones, a class's last sample always stays), picked by a
    per-class Fisher-Yates shuffle driven by java.util.Random(seed)."""
    labels = [int(v) for v in labels]
    counts = [0] * class_count
    for v in labels:
        counts[v] += 1
    held = [0] * class_count
    remainder = [0.0] * class_count
    target = _java_round(len(labels) * share)
    given = 0
    for c in range(class_count):
        exact = counts[c] * share
        held[c] = min(int(math.floor(exact)), max(0, counts[c] - 1))
        remainder[c] = exact - held[c]
        given += held[c]
    while given < target:
        best = -1
        for c in range(class_count):
            if held[c] < counts[c] - 1 and (best < 0 or remainder[c] > remainder[best]):
                best = c
        if best < 0:
            break
        held[best] += 1
        remainder[best] -= 1
        given += 1
    members = [[] for _ in range(class_count)]
    for i, v in enumerate(labels):
        members[v].append(i)
    random = JavaRandom(seed)
    is_held = np.zeros(len(labels), bool)
    for c in range(class_count):
        m = members[c]
        for i in range(len(m) - 1, 0, -1):
            j = random.next_int(i + 1)
            m[i], m[j] = m[j], m[i]
        is_held[m[:held[c]]] = True
    return np.flatnonzero(~is_held), np.flatnonzero(is_held)


def train_subset(count, wanted):
    """The workbench's --train-subset: `wanted` samples evenly spaced over `count`
    (sample i * count // wanted), not the first ones, so that a split stored class by class
    still gives every class."""
    if wanted is None or wanted >= count:
        return np.arange(count)
    return np.array([i * count // wanted for i in range(wanted)])


def splits(data, subset, validation_share, seed):
    """Train, validation and test (x, y) pairs of `data` as the workbench trains on them: the
    training subset first, then the stratified validation share out of it."""
    pick = train_subset(len(data.train_y), subset)
    x, y = data.train_x[pick], data.train_y[pick]
    kept, held = stratified(y, len(data.classes), validation_share, seed)
    return (x[kept], y[kept]), (x[held], y[held]), (data.test_x, data.test_y)


def to_tensor(x):
    """A float32 torch tensor of a slice of samples: images as byte / 255, table rows as they
    are."""
    import torch
    t = torch.from_numpy(np.array(x))  # a copy: slices of the files' bytes are read-only
    return t.float().div_(255) if x.dtype == np.uint8 else t.float()
