/**
 * The findings rules, one class each with its id, severity and SOC 2 criterion, evaluated
 * over the correlated capture model.
 */
package io.trunkguard.analyzer.rules;
