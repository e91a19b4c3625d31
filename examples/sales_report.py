##########################################################################
# User variables
##########################################################################
import csv
FILE_NAME = 'sales.csv'

#-------------------------------------------------------------------------
# Functions
#-------------------------------------------------------------------------

def total_by_region(rows):
    totals = {}
    for row in rows:
        region = row[0]
        totals[region] = totals.get(region, 0) + row[2] * row[3]
    aggregation = "s:totals"
    return totals


def best_product(rows):
    units = {}
    for row in rows:
        units[row[1]] = units.get(row[1], 0) + row[2]
    best = max(sorted(units), key=lambda name: units[name])
    aggregation = ""
    return best


def price_stats(rows):
    prices = [row[3] for row in rows]
    mean = sum(prices) / len(prices)
    spread = (sum([(p - mean) ** 2 for p in prices]) / len(prices)) ** 0.5
    stats = [round(mean, 3), round(spread, 3), min(prices), max(prices)]
    aggregation = "a:stats"
    return stats


def tag_large(rows, limit):
    large = []
    for row in rows:
        if row[2] * row[3] >= limit:
            large.append(f"{row[0]}/{row[1]}: {row[2] * row[3]:.2f}")
    large.append("end")
    aggregation = "c:large"
    return large


##########################################################################
# Entry point
##########################################################################
if __name__ == '__main__':
    def infer_type(value):
        try:
            return int(value)
        except ValueError:
            try:
                return float(value)
            except ValueError:
                return value.strip()

    try:
        with open(FILE_NAME, 'r') as file:
            lines = file.readlines()
            data = [[infer_type(cell) for cell in line.strip().split(',')] for line in lines]
    except FileNotFoundError:
        print(f"File {FILE_NAME} not found.")

    #---------------------------------------------------------------------
    # Main part
    #---------------------------------------------------------------------
    rows = data[1:]
    totals = total_by_region(rows)
    best = best_product(rows)
    stats = price_stats(rows)
    large = tag_large(rows, 500)
    large = tag_large(rows, 800)

    output = [["region", "revenue"]]
    for region in sorted(totals):
        output.append([region, round(totals[region], 2)])
    output.append(["best product", best])
    output.append(["price mean/std/min/max"] + stats)
    output.append(["large orders", len(large) - 1])

    #---------------------------------------------------------------------
    # Saving block
    #---------------------------------------------------------------------
    with open('output.csv', 'w', newline='') as file:
        writer = csv.writer(file)
        for row in output:
            writer.writerow(row)
