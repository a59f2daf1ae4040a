/**
 * Risk-priced "insurance + service" policies. Empty until the insurance issue: premiums will move with
 * the twin's measured risk and claims experience, every change explained and auditable.
 */
package io.liftguard.insurance;
