"""Reading the CSV files spreadsheets produce: the encoding (UTF-8 with or without BOM, UTF-16
with BOM, else Windows-1252 / Latin-1), the delimiter (`;`, `,`, tab or `|`, guessed from the
header line), rows as dicts keyed by the header's names with their line numbers.

A file the import cannot use raises `CsvError(message, line_number)`: a 400 whose body carries
`line_number` and `imported_rows` (always 0: an import is one transaction, a bad line imports
nothing), as the reference words it.
"""
import csv
import io

from zou_api.exceptions import WrongParameter

DELIMITERS = (";", ",", "\t", "|")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200000
MAX_FIELD = 100000


class CsvError(WrongParameter):
    def __init__(self, message, line_number=None):
        payload = {} if line_number is None else {"line_number": line_number, "imported_rows": 0}
        super().__init__(message, payload=payload)


def decode(raw):
    """The text of a CSV file, whatever encoding a spreadsheet saved it in."""
    if not isinstance(raw, (bytes, bytearray)):
        return raw
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise CsvError("The file is not valid UTF-16 text.")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def guess_delimiter(header_line):
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ";"


class CsvFile:
    """A parsed CSV file: `columns` (the header's names, stripped) and `rows()` yielding
    (line_number, {column: value}) with values stripped and missing cells as ''."""

    def __init__(self, raw):
        if raw is None:
            raise CsvError("A CSV file is required (multipart field `file`).")
        if len(raw) > MAX_FILE_BYTES:
            raise CsvError(f"The file is too large (at most {MAX_FILE_BYTES // (1024 * 1024)} MB).")
        text = decode(raw)
        if "\x00" in text:
            raise CsvError("The file is not a text CSV file.")
        if not text.strip():
            raise CsvError("The file is empty: a header line is needed.", 1)
        first_line = text.lstrip("\r\n").splitlines()[0]
        self.delimiter = guess_delimiter(first_line)
        csv.field_size_limit(MAX_FIELD)
        self._reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter)
        try:
            header = next(self._reader)
        except csv.Error as error:
            raise CsvError(f"The header line cannot be read: {error}", 1)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(self._reader, None)
        if header is None:
            raise CsvError("The file is empty: a header line is needed.", 1)
        self.columns = [cell.strip().lstrip("\ufeff") for cell in header]

    def has(self, name):
        return name in self.columns

    def require(self, *names):
        for name in names:
            if name not in self.columns:
                raise CsvError(f"A columns is missing: '{name}'", 2)

    def rows(self):
        count = 0
        while True:
            try:
                cells = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise CsvError(f"The line cannot be read: {error}", self._reader.line_num)
            if not any(cell.strip() for cell in cells):
                continue
            count += 1
            if count > MAX_ROWS:
                raise CsvError(f"Too many lines (at most {MAX_ROWS}).", self._reader.line_num)
            row = {}
            for index, name in enumerate(self.columns):
                row[name] = cells[index].strip() if index < len(cells) else ""
            yield self._reader.line_num, row


def parse_int(value, label, line):
    if value in (None, ""):
        return None
    try:
        number = int(float(value)) if "." in value else int(value)
    except ValueError:
        raise CsvError(f"{label} must be an integer, got '{value}'", line)
    if not -2147483648 <= number <= 2147483647:
        raise CsvError(f"{label} is out of range: '{value}'", line)
    return number


def parse_float(value, label, line):
    if value in (None, ""):
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise CsvError(f"A value is invalid: {label} must be a number, got '{value}'", line)
    if number != number or abs(number) > 1e12:
        raise CsvError(f"A value is invalid: {label} is out of range: '{value}'", line)
    return number


def parse_date(value, label, line):
    import datetime

    if value in (None, ""):
        return None
    try:
        return datetime.datetime.strptime(value[:10], "%Y-%m-%d")
    except ValueError:
        raise CsvError(f"A value is invalid: {label}: time data '{value}' does not match format '%Y-%m-%d'",
                       line)
