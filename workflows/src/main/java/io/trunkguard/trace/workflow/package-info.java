/**
 * The capture analysis process ({@code bpmn/trace/capture-analysis.bpmn}): an uploaded
 * capture is analysed as an asynchronous job that any node takes, with retries and an
 * incident when they run out.
 */
package io.trunkguard.trace.workflow;
