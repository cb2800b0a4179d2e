#!/usr/bin/env bash
# Bar chart of a bench.sh results.csv: req/s per mode, labelled with the ratio to the bare route.
#   load-tests/scripts/chart.sh load-tests/target/bench/results.csv docs/images/bench-throughput.png
set -euo pipefail
csv=$1
png=$2
gnuplot <<GP
set terminal pngcairo size 960,500 font "sans,11"
set output "$png"
set datafile separator ","
set title "Requests per second, same wrk load, one 2-core machine (labels: × bare Spring Cloud Gateway)"
set style fill solid 0.8 border -1
set boxwidth 0.6
set logscale y
set ylabel "req/s (log scale)"
set grid ytics
set xtics rotate by -30 font ",10"
set key off
plot "$csv" every ::1 using 0:2:xtic(1) with boxes lc rgb "#3b7dd8", \
     "" every ::1 using 0:(\$2*1.15):(sprintf("%.2f×", \$5)) with labels
GP
