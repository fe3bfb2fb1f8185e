-- Kehu CRM schema 8 for H2: the funnel and the forecast sum in the database.
--
-- weighted_amount is an opportunity's weighted amount exactly as Opportunity.weightedAmount() computes it: the
-- expected amount times the probability, rounded half-even to the currency's minor units (Money.minorUnits, from the
-- JDK's currency table: none for the currencies listed first, three for the second list, four for CLF, two for every
-- other). The database computes it whenever a row is written, and here for the rows already stored, so that
-- Opportunities.totals sums a column (one GROUP BY) instead of rounding a million rows at every read.
-- expected_amount * probability is the weighted amount times 100 and has at most one decimal more than the currency
-- keeps; ROUND rounds a tie up, and the tie whose lower neighbour is even (MOD(...) = half a unit) is taken back down.
-- The divisors of MOD are decimals because H2 first converts the dividend to the divisor's type; the result is
-- multiplied by 0.01, not divided by 100, because PostgreSQL keeps fewer decimals in a quotient the larger it is.
ALTER TABLE kehu_opportunity ADD COLUMN weighted_amount DECIMAL(65, 4) GENERATED ALWAYS AS (
    CASE
        WHEN expected_currency IN ('ADP', 'BEF', 'BIF', 'BYB', 'BYR', 'CLP', 'DJF', 'ESP', 'GNF', 'GRD', 'ISK', 'ITL',
                'JPY', 'KMF', 'KRW', 'LUF', 'MGF', 'PTE', 'PYG', 'ROL', 'RWF', 'TPE', 'TRL', 'UGX', 'UYI', 'VND', 'VUV',
                'XAF', 'XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XFO', 'XFU', 'XOF', 'XPD', 'XPF', 'XPT', 'XSU',
                'XTS', 'XUA', 'XXX')
            THEN (ROUND(expected_amount * probability, -2)
                  - CASE WHEN MOD(expected_amount * probability, 200.0) = 50 THEN 100 ELSE 0 END) * 0.01
        WHEN expected_currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND')
            THEN (ROUND(expected_amount * probability, 1)
                  - CASE WHEN MOD(expected_amount * probability, 0.2) = 0.05 THEN 0.1 ELSE 0 END) * 0.01
        WHEN expected_currency = 'CLF'
            THEN (ROUND(expected_amount * probability, 2)
                  - CASE WHEN MOD(expected_amount * probability, 0.02) = 0.005 THEN 0.01 ELSE 0 END) * 0.01
        ELSE (ROUND(expected_amount * probability, 0)
              - CASE WHEN MOD(expected_amount * probability, 2.0) = 0.5 THEN 1 ELSE 0 END) * 0.01
    END
);
