# Groups the execution samples of a JFR recording (jfr print --json --events jdk.ExecutionSample rec.jfr > s.json)
# by what is on the stack and by thread pool: python3 scripts/lib/jfr-profile.py s.json
import json,collections,sys
d=json.load(open(sys.argv[1]))
ev=d['recording']['events']
cats=collections.Counter(); thr_cat=collections.Counter()
def names(frames): return [ (f['method']['type']['name'].replace('/','.')+'.'+f['method']['name']) for f in frames]
def cat(ns):
    s=' '.join(ns)
    if 'io.liftguard.fleet' in s or 'pekko.projection' in s:
        if 'ReadJournalDao' in s or 'persistence.jdbc.query' in s: return 'projections: events-by-tag reads'
        if 'org.h2' in s: return 'projections: read-model SQL (H2)'
        return 'projections: other'
    if 'ReadJournalDao' in s or 'persistence.jdbc.query' in s: return 'events-by-tag reads (outside projection frames)'
    if 'persistence.jdbc.journal' in s or 'JournalQueries' in s or 'JdbcAsyncWriteJournal' in s: return 'journal write'
    if 'org.h2' in s: return 'H2 (other: journal commits, housekeeping)'
    if 'slick' in s: return 'slick (journal/query plumbing)'
    if 'fasterxml' in s: return 'Jackson (JSON/CBOR)'
    if 'pekko.http' in s: return 'HTTP (pekko-http)'
    if 'io.liftguard.twin' in s or 'persistence.typed' in s: return 'twin entity + persistence-typed'
    if 'io.liftguard.api' in s: return 'api (routes, access)'
    if 'pekko.stream' in s: return 'pekko streams'
    if 'pekko' in s: return 'pekko other (dispatch, remoting, sharding)'
    return 'other (JDK, logging, GC-adjacent)'
for e in ev:
    v=e['values']; fr=v['stackTrace']['frames'] if v.get('stackTrace') else []
    c=cat(names(fr)); cats[c]+=1
    t=(v['sampledThread']['javaName'] or '?').rsplit('-',1)[0]
    thr_cat[(t.replace('LiftGuard-',''),c)]+=1
n=len(ev); print('samples',n)
for k,c in cats.most_common(): print(f'{c:5d} {100*c/n:5.1f}%  {k}')
print()
for (t,c),k in thr_cat.most_common(14): print(f'{k:5d} {100*k/n:5.1f}%  {t} / {c}')
