package org.kmlab.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The equations the editor shows, for more than two species: A per species, B's upper triangle, zeros as 0. */
class EquationsManySpeciesTest {
    @Test
    void aChainOfThreeHasThreeDriftsSixDiffusionEntriesAndAZeroWhereNoReactionCouples() {
        Model chain = ModelText.parse("""
                k1 = 1; k2 = 0.5; k3 = 0.2; Omega = 10; A = 5; B = 0; C = 0
                0 -> A @ k1
                A -> B @ k2
                B -> C @ k3
                C -> 0 @ k3
                """, "chain").model();
        List<String> a = Equations.drift(chain), b = Equations.diffusion(chain);
        assertEquals(3, a.size(), a.toString());
        assertEquals(6, b.size(), "B_AA, B_AB, B_AC, B_BB, B_BC, B_CC: " + b);
        assertTrue(b.get(1).startsWith("B_{AB}(\\mathbf{x}) = \\frac{1}{\\Omega}\\left(-"), "A → B moves both, oppositely: " + b.get(1));
        assertEquals("B_{AC}(\\mathbf{x}) = 0", b.get(2), "no reaction moves A and C");
        String me = Equations.masterEquation(chain);
        assertTrue(me.startsWith("\\frac{\\partial P(A, B, C, t)}{\\partial t}"), me);
        assertTrue(Equations.fokkerPlanck(chain).contains("\\sum_{i,j}") && Equations.fokkerPlanck(chain).contains("B_{ij} P"), Equations.fokkerPlanck(chain));
    }
}
