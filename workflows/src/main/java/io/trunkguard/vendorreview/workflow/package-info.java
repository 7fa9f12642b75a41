/**
 * The annual carrier review and its daily schedule as Camunda processes: the process
 * classes, tiny delegates calling the review service, the launcher and the user-task
 * port.
 */
package io.trunkguard.vendorreview.workflow;
