"""Post-process the generated initial revision: foreign keys marked use_alter (the ones that
close a cycle between tables) are taken out of create_table and added once every table exists."""
import re
import sys

path = sys.argv[1]
text = open(path).read()
pattern = re.compile(r"\n    sa\.ForeignKeyConstraint\(\[(.*?)\], \['(\w+)\.(\w+)'\], name='(\w+)', use_alter=True\),")
adds = []
out = []
table = None
for line in text.split("\n"):
    m = re.match(r"    op\.create_table\('(\w+)',", line)
    if m:
        table = m.group(1)
    fk = pattern.match("\n" + line)
    if fk:
        adds.append((table, fk.group(4), fk.group(2), fk.group(1), fk.group(3)))
        continue
    out.append(line)
text = "\n".join(out)
block = "".join(
    f"    with op.batch_alter_table('{t}', schema=None) as batch_op:\n"
    f"        batch_op.create_foreign_key('{name}', '{ref}', [{cols}], ['{refcol}'])\n\n"
    for t, name, ref, cols, refcol in adds
)
marker = "    # ### end Alembic commands ###"
first = text.index(marker)
text = text[:first] + block + text[first:]
open(path, "w").write(text)
print(f"{len(adds)} cycle-closing foreign keys added after the tables")
