import dev.accord.maven.it.ItSupport

def log = ItSupport.log(basedir)
ItSupport.expect(log, /accord:check: no incompatible changes in 200 schemas against directory:baseline \((\d+) ms\)/)
def millis = (log =~ /in 200 schemas against directory:baseline \((\d+) ms\)/)[0][1] as long
def total = (log =~ /Total time:\s+([0-9.]+) s/)
println "perf-200: accord:check of 200 schemas took ${millis} ms (whole build: ${total ? total[0][1] + ' s' : '?'})"
new File(basedir, 'timing.txt').text = "accord:check 200 schemas: ${millis} ms\n"
// generous bound for a loaded CI machine; the target on an idle machine is under 3 s
assert millis < 15000 : "accord:check of 200 schemas took ${millis} ms"
return true
