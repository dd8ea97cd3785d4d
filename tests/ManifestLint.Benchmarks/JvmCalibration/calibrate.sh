#!/usr/bin/env bash
# Runs real JVMs (Debian's OpenJDK 17, Tomcat 10, Jetty 9, ZooKeeper) one at a time under a cgroup v1 memory limit,
# with the whole maximum heap committed and touched (-Xms = the ergonomic or written -Xmx, -XX:+AlwaysPreTouch: the
# state in which a full heap meets the limit), drives a little load, lets each settle, and records RSS and the Native
# Memory Tracking summary. One line per run to results.tsv. Each JVM is killed after it settles.
# Usage: calibrate.sh OUTDIR [run-filter]
set -uo pipefail
out=${1:?outdir}; filter=${2:-.}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"; work=$out/work; mkdir -p "$work"
cgparent=/sys/fs/cgroup/memory$(awk -F: '$2=="memory"{print $3}' /proc/self/cgroup)
cg=$cgparent/mlcal
mkdir -p "$cg"
javac -d "$work" "$here/Exporter.java" || exit 1

tomcat_base() {
  rm -rf "$work/tomcat"; mkdir -p "$work/tomcat"/{logs,temp,work,webapps}
  cp -r /var/lib/tomcat10/conf "$work/tomcat/"; cp -r /var/lib/tomcat10/webapps/ROOT "$work/tomcat/webapps/" 2>/dev/null
  sed -i 's/port="8080"/port="18080"/; s/port="8005"/port="-1"/' "$work/tomcat/conf/server.xml"
}
jetty_base() {
  rm -rf "$work/jetty"; mkdir -p "$work/jetty"
  cp -r /usr/share/jetty9/start.ini /usr/share/jetty9/webapps "$work/jetty/"
  cp -r /usr/share/jetty9/start.d "$work/jetty/" 2>/dev/null
  sed -i 's/^jetty.http.port=.*/jetty.http.port=18081/' "$work/jetty/start.ini"
}
zk_conf() {
  rm -rf "$work/zk"; mkdir -p "$work/zk/data"
  printf 'tickTime=2000\ndataDir=%s\nclientPort=12181\nadmin.enableServer=false\n' "$work/zk/data" > "$work/zk/zoo.cfg"
}

# app -> "java arguments after the JVM flags" and a load command
app_cmd() {
  case $1 in
    exporter) echo "-cp $work Exporter 18082" ;;
    tomcat) echo "-Dcatalina.base=$work/tomcat -Dcatalina.home=/usr/share/tomcat10 -Djava.io.tmpdir=$work/tomcat/temp -cp /usr/share/tomcat10/bin/bootstrap.jar:/usr/share/tomcat10/bin/tomcat-juli.jar org.apache.catalina.startup.Bootstrap start" ;;
    jetty) echo "-Djetty.home=/usr/share/jetty9 -Djetty.base=$work/jetty -Djava.io.tmpdir=$work -jar /usr/share/jetty9/start.jar" ;;
    zookeeper) echo "-cp /etc/zookeeper/conf:/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-simple.jar org.apache.zookeeper.server.quorum.QuorumPeerMain $work/zk/zoo.cfg" ;;
  esac
}
load() {
  local port
  case $1 in exporter) port=18082; path=/metrics ;; tomcat) port=18080; path=/ ;; jetty) port=18081; path=/ ;; *) sleep 10; return ;; esac
  local end=$((SECONDS + 10))
  while [ $SECONDS -lt $end ]; do curl -s -o /dev/null "http://127.0.0.1:$port$path" || sleep 0.2; done
}

run() { # name java app limitMiB flags...
  local name=$1 java=$2 app=$3 limit=$4; shift 4
  [[ $name =~ $filter ]] || return 0
  case $app in tomcat) tomcat_base ;; jetty) jetty_base ;; zookeeper) zk_conf ;; esac
  echo $((limit * 1024 * 1024)) > "$cg/memory.limit_in_bytes"
  # The heap the JVM picks under this limit, then commit and touch all of it.
  local heap gc
  read -r heap gc < <(sh -c "echo \$\$ > $cg/cgroup.procs; exec $java $* -XX:+PrintFlagsFinal -version" 2>/dev/null \
    | awk '$2=="MaxHeapSize"{h=$4} ($2=="UseSerialGC"||$2=="UseG1GC"||$2=="UseParallelGC"||$2=="UseZGC"||$2=="UseShenandoahGC") && $4=="true"{g=$2} END{print h, g}')
  local log=$out/$name.log
  sh -c "echo \$\$ > $cg/cgroup.procs; exec $java $* -Xms$heap -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary $(app_cmd "$app")" > "$log" 2>&1 &
  local pid=$!
  sleep 8; load "$app"; sleep 5
  if ! kill -0 $pid 2>/dev/null; then echo -e "$name\t$java\t$app\t$limit\t$*\t$heap\t$gc\tDIED" >> "$out/results.tsv"; return; fi
  local rss threads
  rss=$(awk '/VmRSS/{print $2}' /proc/$pid/status); threads=$(ls /proc/$pid/task | wc -l)
  local jcmd=${java%/java}/jcmd
  $jcmd $pid VM.native_memory summary scale=KB > "$out/$name.nmt" 2>&1
  kill -9 $pid; wait $pid 2>/dev/null
  local failcnt; failcnt=$(cat "$cg/memory.failcnt")
  echo -e "$name\t$java\t$app\t$limit\t$*\t$heap\t$gc\t$rss\t$threads\t$failcnt" >> "$out/results.tsv"
  echo 0 > "$cg/memory.failcnt" 2>/dev/null || true
}

j17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
j25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
for app in exporter tomcat jetty zookeeper; do
  for limit in 192 256 512 1024 2048 4096; do
    run "$app-17-${limit}" $j17 $app $limit
  done
done
for app in exporter tomcat; do
  for limit in 192 1024 4096; do
    run "$app-25-${limit}" $j25 $app $limit
  done
done
run "tomcat-17-1024-xmx600-parallel" $j17 tomcat 1024 -Xmx600m -XX:+UseParallelGC
run "tomcat-17-2048-mrp75" $j17 tomcat 2048 -XX:MaxRAMPercentage=75
run "jetty-17-1024-g1" $j17 jetty 1024 -XX:+UseG1GC
run "exporter-17-512-xss256k" $j17 exporter 512 -Xss256k -XX:TieredStopAtLevel=1
rmdir "$cg" 2>/dev/null
