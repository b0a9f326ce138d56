import numpy as np

from wijkdiagnose.scoring.normalise import rank_urgency, reference_urgency


def test_reference_maps_good_to_0_and_bad_to_100_and_clips():
    values = [900, 1450, 2000, 500, 2500, np.nan]
    got = reference_urgency(values, good=900, bad=2000)
    np.testing.assert_allclose(got, [0, 50, 100, 0, 100, np.nan])


def test_reference_with_higher_is_better():
    # green share: 40 % good, 10 % bad -> 25 % is halfway
    np.testing.assert_allclose(
        reference_urgency([25, 40, 10, 4], good=40, bad=10), [50, 0, 100, 100]
    )


def test_rank_spreads_0_to_100_with_shared_ties():
    # sorted 1, 2, 2, 5 -> ranks 1, 2.5, 2.5, 4 -> (r-1)/3*100
    got = rank_urgency([5, 2, 1, 2, np.nan], higher_is_worse=True)
    np.testing.assert_allclose(got, [100, 50, 0, 50, np.nan])


def test_rank_lower_is_worse_and_lone_value():
    np.testing.assert_allclose(rank_urgency([10, 30, 20], higher_is_worse=False), [100, 0, 50])
    np.testing.assert_allclose(rank_urgency([np.nan, 7.0], higher_is_worse=True), [np.nan, 50])


def test_rank_on_stacked_draws_ranks_each_draw_separately():
    draws = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]])
    np.testing.assert_allclose(rank_urgency(draws, True), [[0, 50, 100], [100, 50, 0]])
